/**
 * Set-up shared by the db test files of the admin's team import: the CSV header, codes unique to
 * the run (the stacks are shared by every test file), and an admin signed in with relaxed limits,
 * with the teams the file imported removed afterwards.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll } from 'vitest';
import type { StackInfo } from './backends.ts';
import { withSql } from './clients.ts';
import { changeSettings, RELAXED_LIMITS } from './help-requests.ts';
import type { TeamWorld } from './team.ts';

/** The header of the team CSV, in the documented column order. */
export const TEAM_CSV_HEADER = 'code,name,commune,base_lat,base_lon,service_radius_m,capacity,public_phone,active,covers';

/** A team-code prefix unique to this run and world: `tag` then the end of the world's prefix. */
export function importCodePrefix(world: TeamWorld, tag: string): string {
  return `${tag}${world.prefix.replace(/[^a-z0-9]/gi, '').toUpperCase().slice(-8)}`;
}

/**
 * Registers the file's hooks: before, relaxed limits and an admin of `world` signed in (handed to
 * `signedIn`); after, the teams coded `codePrefix-…` join the world's clean-up, the settings are
 * restored and everything the world made is removed.
 */
export function adminForImports(stack: StackInfo, world: TeamWorld, codePrefix: string, signedIn: (admin: SupabaseClient) => void) {
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
    await world.member('admin', 'admin', null);
    signedIn(await world.signIn('admin'));
  });

  afterAll(async () => {
    await withSql(stack, async (sql) => {
      const ids = (await sql.query('select id from app.teams where code like $1', [`${codePrefix}-%`])).rows.map((r) => Number(r.id));
      world.teamIds.push(...ids);
    });
    await restore?.();
    await world.cleanUp();
  });
}
