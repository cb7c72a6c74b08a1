import { readFileSync } from 'node:fs';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, inject, it } from 'vitest';
import { anonClient, signedInClient, withSql } from '../support/clients.ts';
import { adminForImports, importCodePrefix, TEAM_CSV_HEADER } from '../support/admin-import.ts';
import { QUANG_LA, TeamWorld } from '../support/team.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { FORMULA_CASES, csvField } from '../../src/lib/text/csv.ts';
import { adminExportTeams, adminImportTeams, adminSaveTeam, adminSetTeamActive, adminTeams, requestStatistics } from '../../src/lib/api/admin.ts';

/**
 * Teams at provincial scale (migration 20261128001500_team_admin.sql): CSV import that checks
 * every row first and is all-or-nothing, upserts by code (a repeated import is a no-op), export in
 * the same format, list with filters, create, edit, deactivate; and no admin RPC for anyone but
 * admins.
 */
describe.each(inject('stacks'))('admin teams on $backend', (stack) => {
  const world = new TeamWorld(stack, 'adm-teams');
  // Codes unique to this run: the stacks are shared by every test file.
  const P = importCodePrefix(world, 'IMP');
  let admin: SupabaseClient;
  adminForImports(stack, world, P, (client) => (admin = client));

  const header = TEAM_CSV_HEADER;
  /** A file as a spreadsheet saves it: BOM, CRLF, quoted fields with commas and quotes. */
  const goodCsv = [
    `\ufeff${header}`,
    `${P}-1,"Tổ công nghệ số khu 1, phường Hồng Gai",06685,20.9538,107.0799,4000,12,0912 345 678,có,"ha-tu;Phường Hà Lầm"`,
    `${P}-2,"Tổ ""Thanh niên"" Bãi Cháy",bai-chay,"20,962",107.032,,,,,`,
    `${P}-3,Tổ xã Quảng La,Xã Quảng La,21.1092,106.8849,8000,5,,không,`,
  ].join('\r\n');

  async function teamCount(): Promise<number> {
    return withSql(stack, async (sql) => (await sql.query('select count(*)::int as n from app.teams')).rows[0].n);
  }

  async function teamRow(code: string) {
    return withSql(stack, async (sql) =>
      (await sql.query(
        `select t.name, t.commune_code, t.base_lat, t.base_lon, t.service_radius_m, t.capacity, t.public_phone, t.active,
                app.team_covers(t.id) as covers, t.updated_at
         from app.teams t where t.code = $1`,
        [code],
      )).rows[0],
    );
  }

  it('imports a spreadsheet file: quoted commas, Vietnamese text, communes by code, slug or name', async () => {
    const result = await callRpc(adminImportTeams, { csv: goodCsv }, admin);
    expect(result).toEqual({
      ok: true,
      data: { ok: true, applied: true, rows: 3, created: 3, updated: 0, unchanged: 0, error_count: 0, errors: [] },
    });
    expect(await teamRow(`${P}-1`)).toMatchObject({
      name: 'Tổ công nghệ số khu 1, phường Hồng Gai', commune_code: '06685', base_lat: 20.9538, base_lon: 107.0799,
      service_radius_m: 4000, capacity: 12, public_phone: '0912345678', active: true, covers: ['06652', '06676', '06685'],
    });
    expect(await teamRow(`${P}-2`)).toMatchObject({
      name: 'Tổ "Thanh niên" Bãi Cháy', commune_code: '06673', base_lat: 20.962, service_radius_m: 5000, capacity: 10,
      public_phone: null, active: true, covers: ['06673'],
    });
    expect(await teamRow(`${P}-3`)).toMatchObject({ commune_code: '07054', active: false, capacity: 5 });
  });

  it('changes nothing when the same file is imported again, and counts what changed', async () => {
    const before = await teamRow(`${P}-1`);
    const again = await callRpc(adminImportTeams, { csv: goodCsv }, admin);
    expect(again.ok && again.data).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    expect((await teamRow(`${P}-1`)).updated_at).toEqual(before.updated_at);

    const edited = goodCsv.replace(',4000,12,', ',4000,15,');
    const preview = await callRpc(adminImportTeams, { csv: edited, apply: false }, admin);
    expect(preview.ok && preview.data).toMatchObject({ ok: true, applied: false, created: 0, updated: 1, unchanged: 2 });
    expect((await teamRow(`${P}-1`)).capacity).toBe(12);
    const applied = await callRpc(adminImportTeams, { csv: edited }, admin);
    expect(applied.ok && applied.data).toMatchObject({ ok: true, applied: true, created: 0, updated: 1, unchanged: 2 });
    expect((await teamRow(`${P}-1`)).capacity).toBe(15);
  });

  it('rejects a file with bad rows, reporting every error by line and column, and changes nothing', async () => {
    const count = await teamCount();
    const bad = [
      header,
      `${P}-NEW1,Tổ mới hợp lệ,06685,20.95,107.07,,,,,`, // line 2: fine, but must not be written
      `${P}-4,Tổ bốn,Xã Không Có,20.95,107.07,abc,0,12345,có,`, // line 3
      `,Tổ không mã,06685,25.5,107.07,,,,có,`, // line 4
      `${P}-NEW1,Tổ trùng mã,06685,20.95,107.07,,,,,`, // line 5
      `${P}-5,Tổ năm,06685,20.95,107.07,,,,có`, // line 6: one field short
      `${P}-6,"Tổ sáu, ""dòng"""`, // line 7: two fields only
      `${P}-7,Tổ bảy,06685,20.95,107.07,,,,maybe,ha-tu;nowhere`, // line 8
    ].join('\n');
    const result = await callRpc(adminImportTeams, { csv: bad }, admin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.ok).toBe(false);
    expect(result.data.applied).toBe(false);
    expect(result.data.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'commune', 'unknown'],
      [3, 'service_radius_m', 'invalid'],
      [3, 'capacity', 'out_of_range'],
      [3, 'public_phone', 'invalid'],
      [4, 'code', 'required'],
      [4, 'base_lat', 'outside_province'],
      [5, 'code', 'duplicate'],
      [6, null, 'field_count'],
      [7, null, 'field_count'],
      [8, 'active', 'invalid'],
      [8, 'covers', 'unknown'],
    ]);
    expect(result.data.errors.find((e) => e.code === 'duplicate')?.first_line).toBe(2);
    expect(await teamCount()).toBe(count);
    expect(await teamRow(`${P}-NEW1`)).toBeUndefined();
  });

  it('reports a broken quote and a bad header by line', async () => {
    const broken = [header, `${P}-8,Tổ tám,06685,20.95,107.07,,,,,`, `${P}-9,"Tổ chín,06685,20.95,107.07,,,,,`].join('\n');
    const result = await callRpc(adminImportTeams, { csv: broken }, admin);
    expect(result.ok && result.data.errors).toEqual([{ line: 3, column: null, code: 'csv_malformed' }]);

    const line2 = [`${P}-8,"Tổ ""tám""x,06685,20.95,107.07,,,,,`].join('\n');
    const stray = await callRpc(adminImportTeams, { csv: `${header}\n${line2}` }, admin);
    expect(stray.ok && stray.data.errors).toEqual([{ line: 2, column: null, code: 'csv_malformed' }]);

    const headerless = await callRpc(adminImportTeams, { csv: `ma,ten\n${P}-8,Tổ tám` }, admin);
    expect(headerless.ok && headerless.data.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [1, 'ma', 'column_unknown'],
      [1, 'ten', 'column_unknown'],
      [1, 'code', 'column_missing'],
      [1, 'name', 'column_missing'],
      [1, 'commune', 'column_missing'],
      [1, 'base_lat', 'column_missing'],
      [1, 'base_lon', 'column_missing'],
    ]);
    const empty = await callRpc(adminImportTeams, { csv: '' }, admin);
    expect(empty.ok && empty.data.errors).toEqual([{ line: 1, column: null, code: 'file_empty' }]);
    // A quoted field may span lines; the line numbers of later rows stay right.
    const multiline = [header, `${P}-8,"Tổ tám\ndòng hai",06685,20.95,107.07,,,,,`, `${P}-9,Tổ chín,06685,99,107.07,,,,,`].join('\n');
    const ml = await callRpc(adminImportTeams, { csv: multiline }, admin);
    expect(ml.ok && ml.data.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, 'name', 'invalid'],
      [4, 'base_lat', 'outside_province'],
    ]);
  });

  it('accepts the downloadable template as it is', async () => {
    const template = readFileSync(new URL('../../public/mau-nhap-to.csv', import.meta.url), 'utf8');
    const checked = await callRpc(adminImportTeams, { csv: template, apply: false }, admin);
    expect(checked.ok && checked.data).toMatchObject({ ok: true, applied: false, rows: 3, error_count: 0 });
  });

  it('exports every team in the import format; importing the export changes nothing', async () => {
    const exported = await callRpc(adminExportTeams, {}, admin);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const lines = exported.data.split('\r\n');
    expect(lines[0]).toBe(header);
    expect(lines).toContain(`${P}-2,"Tổ ""Thanh niên"" Bãi Cháy",06673,20.962,107.032,5000,10,,có,`);
    expect(lines).toContain(`${P}-1,"Tổ công nghệ số khu 1, phường Hồng Gai",06685,20.9538,107.0799,4000,15,0912345678,có,"06652;06676"`);
    const mine = [lines[0], ...lines.filter((l) => l.startsWith(`${P}-`))].join('\r\n');
    const again = await callRpc(adminImportTeams, { csv: mine }, admin);
    expect(again.ok && again.data).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
  });

  it('writes CSV fields in SQL (app.csv_field) exactly as the site does (csvField): formulas neutralised', async () => {
    const values = [...FORMULA_CASES.map(([value]) => value), 'Tổ 1', ' lề ', 'a;b'];
    const rows = await withSql(stack, async (sql) =>
      (await sql.query('select app.csv_field(v) as field from unnest($1::text[]) with ordinality as u(v, n) order by n', [values])).rows,
    );
    expect(rows.map((row) => row.field)).toEqual(values.map((value) => csvField(value)));
  });

  it('exports a name that would run as a formula neutralised, and refuses such names on input', async () => {
    const name = '=HYPERLINK("http://x","Bấm")';
    const old = (await teamRow(`${P}-3`)).name;
    await withSql(stack, (sql) => sql.query('update app.teams set name = $2 where code = $1', [`${P}-3`, name]));
    try {
      const exported = await callRpc(adminExportTeams, {}, admin);
      const line = exported.ok ? exported.data.split('\r\n').find((l) => l.startsWith(`${P}-3,`)) : undefined;
      expect(line).toContain(`,"'=HYPERLINK(""http://x"",""Bấm"")",`);
    } finally {
      await withSql(stack, (sql) => sql.query('update app.teams set name = $2 where code = $1', [`${P}-3`, old]));
    }
    const fields = { code: `${P}-X`, commune: '06685', base_lat: '20.95', base_lon: '107.07' };
    for (const bad of [name, '+84 Tổ', '-Tổ âm', '@Tổ']) {
      expect(await callRpc(adminSaveTeam, { team_id: null, team: { ...fields, name: bad } }, admin)).toEqual({
        ok: true, data: { ok: false, errors: [{ column: 'name', code: 'invalid', value: bad }] },
      });
    }
    const imported = await callRpc(adminImportTeams, { csv: `${header}\n${P}-X,"=1+1",06685,20.95,107.07,,,,,`, apply: false }, admin);
    expect(imported.ok && imported.data.errors).toEqual([{ line: 2, column: 'name', code: 'invalid', value: '=1+1' }]);
  });

  it('lists teams with search (diacritics optional), commune, active and overloaded filters', async () => {
    const search = await callRpc(adminTeams, { search: 'thanh nien bai chay' }, admin);
    expect(search.ok && search.data.teams.map((t) => t.code)).toEqual([`${P}-2`]);
    const byCode = await callRpc(adminTeams, { search: P.toLowerCase() }, admin);
    expect(byCode.ok && byCode.data.total).toBe(3);
    const inactive = await callRpc(adminTeams, { search: P, active: false }, admin);
    expect(inactive.ok && inactive.data.teams.map((t) => t.code)).toEqual([`${P}-3`]);
    // Hà Lầm is covered by team 1 only (besides whatever else covers it).
    const covering = await callRpc(adminTeams, { search: P, commune_code: '06676' }, admin);
    expect(covering.ok && covering.data.teams.map((t) => t.code)).toEqual([`${P}-1`]);
    const overloaded = await callRpc(adminTeams, { search: P, overloaded: true }, admin);
    expect(overloaded.ok && overloaded.data.total).toBe(0);
    const paged = await callRpc(adminTeams, { search: P, page_size: 2, page: 2 }, admin);
    expect(paged.ok && paged.data).toMatchObject({ total: 3, page: 2, page_size: 2 });
    expect(paged.ok && paged.data.teams.map((t) => t.code)).toEqual([`${P}-3`]);
  });

  it('creates and edits a team with the same rules as the import; the code never changes', async () => {
    const fields = { code: `${P}-F`, name: 'Tổ tạo bằng biểu mẫu', commune: '06685', base_lat: '20.95', base_lon: '107.07' };
    const created = await callRpc(adminSaveTeam, { team_id: null, team: fields }, admin);
    expect(created.ok && created.data.ok).toBe(true);
    if (!created.ok || !created.data.ok) return;
    const id = created.data.team.id;
    expect(created.data.team).toMatchObject({ code: `${P}-F`, commune_name: 'Phường Hồng Gai', capacity: 10, covers: ['06685'] });
    expect(await callRpc(adminSaveTeam, { team_id: null, team: fields }, admin)).toEqual({
      ok: true, data: { ok: false, errors: [{ column: 'code', code: 'exists' }] },
    });
    const edited = await callRpc(adminSaveTeam, { team_id: id, team: { ...fields, capacity: '3', covers: 'ha-tu' } }, admin);
    expect(edited.ok && edited.data.ok && edited.data.team).toMatchObject({ capacity: 3, covers: ['06652', '06685'] });
    expect(await callRpc(adminSaveTeam, { team_id: id, team: { ...fields, code: `${P}-G` } }, admin)).toEqual({
      ok: true, data: { ok: false, errors: [{ column: 'code', code: 'immutable' }] },
    });
    expect(await callRpc(adminSaveTeam, { team_id: id, team: { ...fields, base_lon: '' } }, admin)).toEqual({
      ok: true, data: { ok: false, errors: [{ column: 'base_lon', code: 'required' }] },
    });
  });

  it('deactivates a team (never deletes it) and sends its unaccepted requests to other teams', async () => {
    const { A, B } = await world.teams([
      { code: 'A', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon, radius: 8000 },
      { code: 'B', commune: QUANG_LA.code, lat: QUANG_LA.lat + 0.01, lon: QUANG_LA.lon, radius: 8000 },
    ]);
    const booked = await world.book({ commune_code: QUANG_LA.code });
    expect((await world.row(booked.id)).team_id).toBe(A);
    const result = await callRpc(adminSetTeamActive, { team_id: A, active: false }, admin);
    expect(result).toEqual({ ok: true, data: { id: A, active: false, rerouted: 1 } });
    const row = await world.row(booked.id);
    expect(row).toMatchObject({ status: 'assigned', team_id: B });
    expect(row.events.at(-1)).toMatchObject({ kind: 'assigned', team_id: B, actor: 'admin' });
    const still = await withSql(stack, (sql) => sql.query('select active from app.teams where id = $1', [A]));
    expect(still.rows).toEqual([{ active: false }]);
    expect(await callRpc(adminSetTeamActive, { team_id: A, active: true }, admin)).toEqual({ ok: true, data: { id: A, active: true, rerouted: 0 } });
  });

  it('refuses every admin RPC to anon, to people on no team, and to team members and leaders', async () => {
    const team = await world.teams([{ code: 'M', commune: QUANG_LA.code, lat: QUANG_LA.lat, lon: QUANG_LA.lon }]);
    await world.member('member', 'member', team.M);
    await world.member('leader', 'leader', team.M);
    const callers: [string, SupabaseClient][] = [
      ['anon', anonClient(stack)],
      ['stranger', await signedInClient(stack, world.email('stranger'))],
      ['member', await world.signIn('member')],
      ['leader', await world.signIn('leader')],
    ];
    const count = await teamCount();
    for (const [who, client] of callers) {
      const calls = [
        await callRpc(adminTeams, {}, client),
        await callRpc(adminSaveTeam, { team_id: null, team: { code: `${P}-X`, name: 'Tổ lạ', commune: '06685', base_lat: '20.95', base_lon: '107.07' } }, client),
        await callRpc(adminSetTeamActive, { team_id: team.M, active: false }, client),
        await callRpc(adminImportTeams, { csv: goodCsv.replaceAll(`${P}-`, `${P}-Z`) }, client),
        await callRpc(adminExportTeams, {}, client),
      ];
      for (const call of calls) {
        expect(call.ok, who).toBe(false);
        if (!call.ok) expect(call.code, who).toMatch(who === 'anon' ? /permission denied/ : /^forbidden$/);
      }
      // Statistics: leaders see their own team; everyone else is refused.
      const stats = await callRpc(requestStatistics, {}, client);
      if (who === 'leader') {
        expect(stats.ok && stats.data.scope).toMatchObject({ team_id: team.M, province: false });
        expect(stats.ok && stats.data.poster_scans).toBeNull();
        const other = await callRpc(requestStatistics, { team_id: team.M + 1_000_000 }, client);
        expect(!other.ok && other.code).toBe('forbidden');
      } else {
        expect(stats.ok, who).toBe(false);
      }
    }
    expect(await teamCount()).toBe(count);
    const active = await withSql(stack, (sql) => sql.query('select active from app.teams where id = $1', [team.M]));
    expect(active.rows).toEqual([{ active: true }]);
  });
});
