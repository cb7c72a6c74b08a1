import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SupabaseClient } from '@supabase/supabase-js';
import { anonClient, withSql } from '../support/clients.ts';
import { KY_THUONG, TeamWorld, type TestMember } from '../support/team.ts';
import { callRpc, type RpcArgs } from '../../src/lib/api/rpc.ts';
import {
  adminGuideReviewQueue,
  adminHandleGuideReport,
  guideConfirmationStamp,
  recordGuideConfirmation,
} from '../../src/lib/api/confirmations.ts';

/**
 * Volunteers' guide confirmations through supabase-js and PostgREST with real sign-ins: members
 * record "các bước vẫn đúng" or a report, validated and masked; the guide page's anon stamp
 * answers only guide, date, app, version, team name and whether a report is open; admins see the
 * queue in its order and mark reports handled; nobody reads the table directly.
 */

type Confirmation = RpcArgs<typeof recordGuideConfirmation>;
const ok = (guide_code: string, extra: Partial<Confirmation> = {}): Confirmation => ({
  guide_code,
  app_name: 'VssID',
  app_version: '1.6',
  phone_system: 'android',
  steps_ok: true,
  ...extra,
});

describe.each(inject('stacks'))('guide confirmations on $backend', (stack) => {
  const world = new TeamWorld(stack, 'gc');
  const anon = anonClient(stack);
  const members: Record<string, TestMember> = {};
  const as: Record<string, SupabaseClient> = {};
  // Guides of this file only (the stamp of a guide is global).
  const codes = ['vs4', 'vn1', 'tx3', 'dv1'];
  const clear = () =>
    withSql(stack, async (sql) => {
      await sql.query('delete from app.guide_confirmations where guide_code = any($1) or member_id = any($2)', [
        codes,
        Object.values(members).map((m) => m.id),
      ]);
      await sql.query("delete from app.rate_limit_buckets where scope = 'guide_confirmation.per_member'");
    });

  beforeAll(async () => {
    const teams = await world.teams([{ code: 'A', commune: KY_THUONG.code, lat: KY_THUONG.lat, lon: KY_THUONG.lon }]);
    members.m = await world.member('m', 'member', teams.A!);
    members.admin = await world.member('admin', 'admin', null);
    for (const key of ['m', 'admin']) as[key] = await world.signIn(key);
    await clear();
  });

  afterAll(async () => {
    await clear();
    await world.cleanUp();
  });

  it('records a confirmation; the anon stamp shows only date, app, version, team name and open_report', async () => {
    const saved = await callRpc(recordGuideConfirmation, ok('vs4', { app_version: '1.6.2' }), as.m);
    expect(saved).toMatchObject({ ok: true, data: { guide_code: 'vs4', steps_ok: true } });
    const stamp = await callRpc(guideConfirmationStamp, { guide_code: 'vs4' }, anon);
    expect(stamp.ok).toBe(true);
    if (!stamp.ok) return;
    expect(Object.keys(stamp.data).sort()).toEqual(['app_name', 'app_version', 'confirmed_on', 'guide_code', 'open_report', 'team_name']);
    expect(stamp.data).toMatchObject({ guide_code: 'vs4', app_name: 'VssID', app_version: '1.6.2', team_name: expect.stringContaining('Tổ thử nghiệm'), open_report: false });
    expect(stamp.data.confirmed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Over GET too (stable): what the guide page's script may cache; and the same raw answer.
    const res = await fetch(`${stack.url}/rest/v1/rpc/guide_confirmation_stamp?guide_code=vs4`, { headers: { apikey: stack.anonKey } });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).not.toMatch(/@|member/);
  });

  it('a never-confirmed guide has an empty stamp; an unknown code is refused', async () => {
    expect(await callRpc(guideConfirmationStamp, { guide_code: 'dv1' }, anon)).toEqual({
      ok: true,
      data: { guide_code: 'dv1', confirmed_on: null, app_name: null, app_version: null, team_name: null, open_report: false },
    });
    expect(await callRpc(guideConfirmationStamp, { guide_code: 'zzzzzzzz' }, anon)).toMatchObject({ ok: false, code: 'guide_invalid' });
  });

  it.each([
    ['an unknown guide', ok('zzzzzzzz'), 'guide_invalid'],
    ['a blank app', ok('vs4', { app_name: ' ' }), 'app_invalid'],
    ['a version that is not digits and dots', ok('vs4', { app_version: 'mới nhất' }), 'version_invalid'],
    ['a report without a step', ok('vs4', { steps_ok: false, screen_note: 'Nút đã đổi tên' }), 'step_invalid'],
    ['a report without a note', ok('vs4', { steps_ok: false, step_number: 2, screen_note: '  ' }), 'note_required'],
    ['a 501-character note', ok('vs4', { steps_ok: false, step_number: 2, screen_note: 'x'.repeat(501) }), 'note_invalid'],
  ] as const)('rejects %s (%s) and stores nothing', async (_label, input, code) => {
    const count = () => withSql(stack, async (sql) => (await sql.query('select count(*)::int as n from app.guide_confirmations')).rows[0].n);
    const before = await count();
    expect(await callRpc(recordGuideConfirmation, input as Confirmation, as.m)).toMatchObject({ ok: false, code });
    expect(await count()).toBe(before);
  });

  it('is for members only: anon cannot record, and nobody reads the table through the API', async () => {
    expect(await callRpc(recordGuideConfirmation, ok('vs4'), anon)).toMatchObject({ ok: false });
    const direct = await as.m.schema('app' as 'public').from('guide_confirmations').select('*');
    expect(direct.error).not.toBeNull();
    expect(await callRpc(adminGuideReviewQueue, {}, as.m)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('masks phone numbers and emails in a report; the stamp says a report is open; admins order and handle it', async () => {
    const report = await callRpc(
      recordGuideConfirmation,
      ok('vn1', { steps_ok: false, step_number: 3, screen_note: 'Nút "Tiếp tục" nay là "Đồng ý", gọi 0912 345 678 hoặc a@b.vn' }),
      as.m,
    );
    expect(report.ok).toBe(true);
    const stored = await withSql(stack, (sql) => sql.query("select screen_note from app.guide_confirmations where guide_code = 'vn1'"));
    expect(stored.rows[0].screen_note).toBe('Nút "Tiếp tục" nay là "Đồng ý", gọi [số điện thoại] hoặc [email]');
    expect(await callRpc(guideConfirmationStamp, { guide_code: 'vn1' }, anon)).toMatchObject({ ok: true, data: { open_report: true, confirmed_on: null } });

    // Order: open reports first, then never confirmed, then the oldest confirmation.
    await withSql(stack, (sql) =>
      sql.query(`update app.guide_confirmations set created_at = now() - interval '400 days' where guide_code = 'vs4'`),
    );
    const queue = await callRpc(adminGuideReviewQueue, {}, as.admin);
    expect(queue.ok).toBe(true);
    if (!queue.ok || !report.ok) return;
    const order = queue.data.map((item) => item.guide_code);
    expect(order[0]).toBe('vn1');
    expect(queue.data[0]!.open_reports).toMatchObject([{ id: report.data.id, step_number: 3, app_name: 'VssID' }]);
    const firstConfirmed = queue.data.findIndex((item) => item.last_confirmed_at !== null);
    expect(queue.data.slice(1, firstConfirmed).every((item) => item.confirmations === 0 && item.open_reports.length === 0)).toBe(true);
    expect(order.indexOf('dv1')).toBeLessThan(order.indexOf('vs4'));

    expect(await callRpc(adminHandleGuideReport, { report_id: report.data.id, note: 'Đã sửa bước 3' }, as.m)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await callRpc(adminHandleGuideReport, { report_id: report.data.id, note: 'Đã sửa bước 3' }, as.admin)).toMatchObject({ ok: true });
    expect(await callRpc(adminHandleGuideReport, { report_id: report.data.id }, as.admin)).toMatchObject({ ok: false, code: 'already_handled' });
    expect(await callRpc(guideConfirmationStamp, { guide_code: 'vn1' }, anon)).toMatchObject({ ok: true, data: { open_report: false } });
    const audit = await withSql(stack, (sql) =>
      sql.query("select member_id::int, handled_by::int, handled_note from app.guide_confirmations where guide_code = 'vn1'"),
    );
    expect(audit.rows[0]).toEqual({ member_id: members.m!.id, handled_by: members.admin!.id, handled_note: 'Đã sửa bước 3' });
  });

  it('limits a member to 30 a day', async () => {
    await clear();
    const results = [];
    for (let i = 0; i < 31; i++) results.push(await callRpc(recordGuideConfirmation, ok('tx3'), as.m));
    expect(results.slice(0, 30).every((r) => r.ok)).toBe(true);
    expect(results[30]).toMatchObject({ ok: false, code: 'rate_limited' });
  });
});
