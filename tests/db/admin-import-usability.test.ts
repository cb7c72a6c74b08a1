import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';
import { adminForImports, importCodePrefix, TEAM_CSV_HEADER } from '../support/admin-import.ts';
import { TeamWorld } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { adminImportTeams } from '../../src/lib/api/admin.ts';

/**
 * The team CSV import as an admin meets it (issue 16 point 21): a phone written with spaces, as
 * the booking form accepts it, is accepted; each error carries the value that was wrong, so the
 * page can show it beside the expected format.
 */
describe.each(inject('stacks'))('team import usability on $backend', (stack) => {
  const world = new TeamWorld(stack, 'adm-usable');
  const P = importCodePrefix(world, 'USE');
  const header = TEAM_CSV_HEADER;
  let admin: SupabaseClient;
  adminForImports(stack, world, P, (client) => (admin = client));

  it('accepts phones written with spaces, dots, +84 or as a landline, stored normalised', async () => {
    const phones = ['0912 345 678', '091 234 5678', '+84 912 345 678', '0912.345.678', '0203 3825 123', '0912\u00a0345\u00a0678'];
    const csv = [header, ...phones.map((phone, i) => `${P}-${i},Tổ thử ${i},06685,20.95,107.07,,,"${phone}",có,`)].join('\n');
    const result = await callRpc(adminImportTeams, { csv }, admin);
    expect(result.ok && result.data.errors).toEqual([]);
    const stored = await withSql(stack, async (sql) =>
      (await sql.query('select public_phone from app.teams where code like $1 order by code', [`${P}-%`])).rows.map((r) => r.public_phone),
    );
    expect(stored).toEqual(['0912345678', '0912345678', '0912345678', '0912345678', '02033825123', '0912345678']);
  });

  it('gives the bad value with each error of a field', async () => {
    const csv = [header, `${P}-X,Tổ lỗi,nowhere,25.5,107.07,,abc,12345,maybe,`].join('\n');
    const result = await callRpc(adminImportTeams, { csv, apply: false }, admin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.errors.map((e) => [e.column, e.code, e.value])).toEqual([
      ['commune', 'unknown', 'nowhere'],
      ['base_lat', 'outside_province', '25.5'],
      ['capacity', 'invalid', 'abc'],
      ['public_phone', 'invalid', '12345'],
      ['active', 'invalid', 'maybe'],
    ]);
  });
});
