/**
 * Helpers for the help-request db tests: valid payloads, phone numbers that never repeat, test
 * teams created (and removed) around a test, settings changed and restored, and clean-up of the
 * requests a test file created, so files do not disturb each other on the shared stacks.
 */
import type pg from 'pg';
import type { StackInfo } from './backends.ts';
import { withSql } from './clients.ts';
import { CONSENT_VERSION } from '../../src/lib/schemas/help-request.ts';

/** A valid mobile number, random enough never to repeat within a test run. */
export function uniquePhone(): string {
  const digits = crypto.getRandomValues(new Uint32Array(2));
  return `09${String(digits[0] % 10_000).padStart(4, '0')}${String(digits[1] % 10_000).padStart(4, '0')}`;
}

/** A valid booking payload (wire format), with overrides. */
export function validPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    idempotency_key: crypto.randomUUID(),
    name: 'Nguyễn Thị Lan',
    phone: uniquePhone(),
    commune_code: '06685',
    needs: ['vssid'],
    time_window: 'any',
    consent: true,
    consent_version: CONSENT_VERSION,
    ...overrides,
  };
}

/** A team to create for a test; ids come back from createTeams(). */
export interface TeamSpec {
  code: string;
  lat: number;
  lon: number;
  commune: string;
  radius?: number;
  capacity?: number;
  active?: boolean;
  /** Communes the team covers (besides its radius). */
  covers?: string[];
}

/** Inserts teams; returns their ids by code. */
export async function createTeams(stack: StackInfo, teams: TeamSpec[]): Promise<Record<string, number>> {
  return withSql(stack, async (sql) => {
    const ids: Record<string, number> = {};
    for (const team of teams) {
      const row = await sql.query(
        `insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, active, public_phone, is_demo)
         values ($1, $2, $3, $4, $5, $6, $7, $8, '0900000099', true) returning id`,
        [team.code, `Tổ thử nghiệm ${team.code}`, team.commune, team.lat, team.lon, team.radius ?? 5000, team.capacity ?? 10, team.active ?? true],
      );
      ids[team.code] = Number(row.rows[0].id);
      for (const commune of team.covers ?? []) {
        await sql.query('insert into app.team_communes (team_id, commune_code) values ($1, $2)', [ids[team.code], commune]);
      }
    }
    return ids;
  });
}

/** Deletes requests (by reference code) with their events. */
export async function deleteRequests(sql: pg.Client, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql.query(
    'delete from app.request_events where request_id in (select id from app.help_requests where reference_code = any($1))',
    [codes],
  );
  await sql.query('delete from app.help_requests where reference_code = any($1)', [codes]);
}

/** Deletes test teams and everything that points to them (their requests and events). */
export async function deleteTeams(stack: StackInfo, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await withSql(stack, async (sql) => {
    await sql.query(
      `delete from app.request_events where request_id in (select id from app.help_requests where team_id = any($1))
         or team_id = any($1)`,
      [ids],
    );
    await sql.query('delete from app.help_requests where team_id = any($1)', [ids]);
    await sql.query('delete from app.team_communes where team_id = any($1)', [ids]);
    await sql.query('delete from app.teams where id = any($1)', [ids]);
  });
}

/** Sets settings and returns a function that puts the previous values back. */
export async function changeSettings(stack: StackInfo, values: Record<string, unknown>): Promise<() => Promise<void>> {
  const previous = await withSql(stack, async (sql) => {
    const old = await sql.query('select key, value from app.settings where key = any($1)', [Object.keys(values)]);
    for (const [key, value] of Object.entries(values)) {
      await sql.query('update app.settings set value = $2::jsonb, updated_at = now() where key = $1', [key, JSON.stringify(value)]);
    }
    return old.rows as { key: string; value: unknown }[];
  });
  return () =>
    withSql(stack, async (sql) => {
      for (const row of previous) {
        await sql.query('update app.settings set value = $2::jsonb where key = $1', [row.key, JSON.stringify(row.value)]);
      }
    });
}

/** Hits request_help has counted against each phone's per-phone limit, all windows summed. */
export async function perPhoneHits(stack: StackInfo, phones: string[]): Promise<Map<string, number>> {
  const rows = await withSql(stack, async (sql) =>
    (await sql.query(
      `select p.phone, coalesce((select sum(b.hits)::int from app.rate_limit_buckets b
                where b.scope = 'request_help.per_phone'
                  and b.subject_hash = app.hash_subject('request_help.per_phone', p.phone)), 0) as hits
       from unnest($1::text[]) as p(phone)`,
      [phones],
    )).rows as { phone: string; hits: number }[],
  );
  return new Map(rows.map((row) => [row.phone, row.hits]));
}

/** Limits high enough that a test file sending many requests from one address is never refused. */
export const RELAXED_LIMITS = {
  'rate_limit.request_help.per_phone': { max: 1_000_000, window_seconds: 86400 },
  'rate_limit.request_help.per_address': { max: 1_000_000, window_seconds: 3600 },
  'rate_limit.lookup.per_address': { max: 1_000_000, window_seconds: 3600 },
  'rate_limit.lookup.per_code': { max: 1_000_000, window_seconds: 3600 },
  'rate_limit.lookup.per_code_address': { max: 1_000_000, window_seconds: 3600 },
};

/** The headers supabase-js sends, for raw HTTP calls. */
export function anonHeaders(stack: StackInfo): Record<string, string> {
  return { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}`, 'content-type': 'application/json' };
}
