import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { anonClient, withSql } from '../support/clients.ts';
import {
  anonHeaders,
  changeSettings,
  deleteRequests,
  RELAXED_LIMITS,
  uniquePhone,
  validPayload,
} from '../support/help-requests.ts';
import { PHONE_CASES } from '../support/phone-cases.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { helpRequestAnswerSchema, requestHelp } from '../../src/lib/api/booking.ts';
import { CANCEL_REASONS, cancelRequest, foundOnly, requestStatus, requestStatusSchema } from '../../src/lib/api/status.ts';
import { normalizePhone } from '../../src/lib/domain/phone.ts';
import { normalizeReferenceCode, REFERENCE_CODE_PATTERN } from '../../src/lib/domain/reference-code.ts';
import {
  CONSENT_VERSION,
  helpRequestSchema,
  NEED_IDS,
  TIME_WINDOWS,
  type HelpRequest,
} from '../../src/lib/schemas/help-request.ts';

/**
 * The booking contract through supabase-js and the real PostgREST as anon: storing, validation
 * codes, idempotency, POST only, no personal data out, status and cancel; plus the SQL mirrors of
 * the browser's phone and code rules.
 */

/** Keys that would be personal data; no answer to anon may contain them. */
const PERSONAL_KEYS = ['name', 'phone', 'citizen_name', 'citizen_phone', 'helper_name', 'helper_phone', 'address', 'description', 'gps_lat', 'gps_lon', 'location'];

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => [key, ...keysDeep(inner)]);
  }
  return [];
}

describe.each(inject('stacks'))('help requests on $backend', (stack) => {
  const client = anonClient(stack);
  const created: string[] = [];
  let restore: () => Promise<void>;

  /** Validates like the form, then books through the wrapper the form uses. */
  async function book(overrides: Record<string, unknown> = {}) {
    const payload: HelpRequest = helpRequestSchema.parse(validPayload(overrides));
    const result = await callRpc(requestHelp, { request: payload }, client);
    if (result.ok) created.push(result.data.reference_code);
    return { payload, result };
  }

  async function counts() {
    return withSql(stack, async (sql) => {
      const row = await sql.query(
        'select (select count(*) from app.help_requests)::int as requests, (select count(*) from app.request_events)::int as events',
      );
      return row.rows[0] as { requests: number; events: number };
    });
  }

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
  });

  afterAll(async () => {
    await withSql(stack, (sql) => deleteRequests(sql, created));
    await restore();
  });

  it('books a request and stores it with consent, routing and an audit trail', async () => {
    const { payload, result } = await book({ phone: '+84 912.345.678', name: '  Trần   Văn Bình ', guide_code: 'vs4', guide_step: 2 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const answer = helpRequestAnswerSchema.parse(result.data);
    expect(answer.reference_code).toMatch(REFERENCE_CODE_PATTERN);
    expect(answer.status).toBe('assigned');
    expect(answer.team).toEqual({ name: 'Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu)', phone: '0900000001' });
    expect(answer.next_step).toBe('team_will_call');
    expect(answer.verification_word.length).toBeGreaterThan(1);
    expect(answer.gps_ignored).toBe(false);

    const row = await withSql(stack, async (sql) =>
      (await sql.query(
        `select h.*, t.code as team_code from app.help_requests h left join app.teams t on t.id = h.team_id
         where h.reference_code = $1`,
        [answer.reference_code],
      )).rows[0],
    );
    expect(row).toMatchObject({
      idempotency_key: payload.idempotency_key,
      citizen_name: 'Trần Văn Bình',
      citizen_phone: '0912345678',
      commune_code: '06685',
      needs: ['vssid'],
      guide_code: 'vs4',
      guide_step: 2,
      consent_version: CONSENT_VERSION,
      status: 'assigned',
      team_code: 'DEMO-HONGGAI',
      route_point: 'commune_centre',
      route_reason: 'coverage',
      verification_word: answer.verification_word,
      on_behalf: false,
      helper_phone: null,
    });
    expect(row.consented_at).toBeInstanceOf(Date);
    expect(row.assigned_at).toBeInstanceOf(Date);

    const events = await withSql(stack, async (sql) =>
      (await sql.query(
        `select e.kind, e.status_after, t.code as team_code, e.distance_m, e.reason, e.actor, e.detail
         from app.request_events e left join app.teams t on t.id = e.team_id
         where e.request_id = $1 order by e.id`,
        [row.id],
      )).rows,
    );
    expect(events).toMatchObject([
      { kind: 'received', status_after: 'unassigned', actor: 'citizen' },
      { kind: 'assigned', status_after: 'assigned', team_code: 'DEMO-HONGGAI', reason: 'coverage', actor: 'system' },
    ]);
    expect(events[1].distance_m).toBe(row.route_distance_m);
    expect(JSON.stringify(events)).not.toContain('0912345678');
    expect(JSON.stringify(events)).not.toContain('Bình');
  });

  it('keeps the audit trail free of personal columns', async () => {
    const columns = await withSql(stack, async (sql) =>
      (await sql.query(
        `select a.attname as name, col_description(a.attrelid, a.attnum) as comment
         from pg_attribute a where a.attrelid = 'app.request_events'::regclass and a.attnum > 0 and not a.attisdropped`,
      )).rows as { name: string; comment: string | null }[],
    );
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['request_id', 'kind', 'team_id', 'distance_m', 'reason']));
    for (const column of columns) {
      expect(PERSONAL_KEYS, column.name).not.toContain(column.name);
      expect(column.comment ?? '', column.name).not.toMatch(/^PERSONAL DATA/);
    }
  });

  it('stores a booking made on someone’s behalf with the helper as the contact', async () => {
    const helperPhone = uniquePhone();
    const { result } = await book({
      on_behalf: true,
      name: 'Bà Phạm Thị Hoa',
      phone: '',
      helper_name: 'Phạm Minh Tuấn',
      helper_phone: helperPhone,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await withSql(stack, async (sql) =>
      (await sql.query('select * from app.help_requests where reference_code = $1', [result.data.reference_code])).rows[0],
    );
    expect(row).toMatchObject({
      on_behalf: true,
      citizen_name: 'Bà Phạm Thị Hoa',
      citizen_phone: null,
      helper_name: 'Phạm Minh Tuấn',
      helper_phone: helperPhone,
    });
    const status = foundOnly(await callRpc(requestStatus, { code: result.data.reference_code, phone: helperPhone }, client));
    expect(status.ok && status.data.status).toBe('assigned');
  });

  it.each([
    [{ phone: '' }, 'phone_required'],
    [{ phone: '012345' }, 'phone_invalid'],
    [{ phone: 912345678 }, 'phone_invalid'],
    [{ name: '   ' }, 'name_required'],
    [{ name: '<b>Lan</b>' }, 'name_invalid'],
    [{ name: '12345' }, 'name_invalid'],
    [{ name: '١٢٣٤' }, 'name_invalid'],
    [{ name: '๑๒๓' }, 'name_invalid'],
    [{ name: '👴👵' }, 'name_invalid'],
    [{ name: '½ ¾' }, 'name_invalid'],
    [{ name: 'a'.repeat(81) }, 'name_invalid'],
    [{ on_behalf: true, helper_name: 'Minh' }, 'helper_phone_required'],
    [{ on_behalf: true, helper_phone: '0987654321' }, 'helper_name_required'],
    [{ on_behalf: 'yes' }, 'on_behalf_invalid'],
    [{ commune_code: null }, 'commune_required'],
    [{ commune_code: '99999' }, 'commune_unknown'],
    [{ commune_code: 'ha-long' }, 'commune_unknown'],
    [{ address: 'x'.repeat(201) }, 'address_invalid'],
    [{ location: { lat: '21', lon: 107 } }, 'location_invalid'],
    [{ location: { lat: 91, lon: 107 } }, 'location_invalid'],
    [{ needs: [] }, 'needs_required'],
    [{ needs: ['bank'] }, 'needs_invalid'],
    [{ needs: 'vssid' }, 'needs_invalid'],
    [{ guide_code: 'VS4' }, 'guide_invalid'],
    [{ guide_step: 2 }, 'step_invalid'],
    [{ guide_code: 'vs4', guide_step: 2.5 }, 'step_invalid'],
    [{ description: 'x'.repeat(501) }, 'description_invalid'],
    [{ description: 'bell\u0007' }, 'description_invalid'],
    [{ time_window: undefined }, 'time_window_required'],
    [{ time_window: 'midnight' }, 'time_window_invalid'],
    [{ consent: false }, 'consent_required'],
    [{ consent: 'true' }, 'consent_required'],
    [{ consent_version: '2020-01-01' }, 'consent_version_invalid'],
    [{ idempotency_key: 'not-a-uuid' }, 'idempotency_key_invalid'],
    [{ website: 'http://spam.example' }, 'honeypot'],
    [{ source_poster: 'a b' }, 'poster_invalid'],
  ])('rejects %j with %s and stores nothing', async (overrides, code) => {
    const before = await counts();
    const { error, data } = await client.rpc('request_help', { request: validPayload(overrides) });
    expect(data).toBeNull();
    expect(error?.message).toBe(code);
    expect(error?.code).toBe('P0001');
    // The browser's schema rejects it with the same code (commune existence and consent versions
    // are only known to the database).
    const serverOnly = code === 'commune_unknown' && (overrides as Record<string, unknown>).commune_code === '99999';
    if (!serverOnly) {
      const parsed = helpRequestSchema.safeParse(validPayload(overrides));
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues.map((issue) => issue.message)).toContain(code);
    }
    expect(await counts()).toEqual(before);
  });

  it('rejects a payload that is not an object', async () => {
    for (const request of [null, 'text', 42, [1, 2]]) {
      const { error } = await client.rpc('request_help', { request });
      expect(error?.message).toBe('payload_invalid');
    }
    const { error } = await client.rpc('request_help', {});
    expect(error?.message).toBe('payload_invalid');
  });

  it('returns the same answer for a repeated idempotency key and creates nothing new', async () => {
    const payload = helpRequestSchema.parse(validPayload());
    const first = await callRpc(requestHelp, { request: payload }, client);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    created.push(first.data.reference_code);
    const before = await counts();
    const again = await callRpc(requestHelp, { request: payload }, client);
    expect(again).toEqual(first);
    // Retries race each other too: ten at once still make one request.
    const parallel = await Promise.all(Array.from({ length: 10 }, () => callRpc(requestHelp, { request: payload }, client)));
    for (const answer of parallel) expect(answer).toEqual(first);
    expect(await counts()).toEqual(before);
  });

  it('makes one request from ten parallel first submissions with the same key', async () => {
    const payload = helpRequestSchema.parse(validPayload());
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 10 }, () => callRpc(requestHelp, { request: payload }, client)));
    const codes = new Set(answers.map((answer) => (answer.ok ? answer.data.reference_code : answer.code)));
    expect(codes.size).toBe(1);
    const [code] = codes;
    expect(code).toMatch(REFERENCE_CODE_PATTERN);
    created.push(code);
    const after = await counts();
    expect(after.requests - before.requests).toBe(1);
    expect(after.events - before.events).toBe(2);
  });

  it('refuses a repeated key with another phone (idempotency_conflict)', async () => {
    const payload = helpRequestSchema.parse(validPayload());
    const first = await callRpc(requestHelp, { request: payload }, client);
    if (first.ok) created.push(first.data.reference_code);
    const other = await callRpc(requestHelp, { request: { ...payload, phone: uniquePhone() } }, client);
    expect(other).toMatchObject({ ok: false, code: 'idempotency_conflict' });
  });

  it.each([
    ['another commune', { commune_code: '06673' }],
    ['other needs', { needs: ['vneid', 'etax'] }],
    ['another name', { name: 'Trần Văn Bình' }],
  ])('refuses a repeated key with %s (idempotency_conflict) and keeps the first request as it was', async (_label, change) => {
    const payload = helpRequestSchema.parse(validPayload());
    const first = await callRpc(requestHelp, { request: payload }, client);
    if (!first.ok) throw new Error(first.code);
    created.push(first.data.reference_code);
    const before = await counts();
    const other = await callRpc(requestHelp, { request: { ...payload, ...change } as typeof payload }, client);
    expect(other).toMatchObject({ ok: false, code: 'idempotency_conflict' });
    expect(await counts()).toEqual(before);
    // The same payload again, the phone typed another way, is still a replay.
    const again = await callRpc(requestHelp, { request: { ...payload, phone: `+84 ${payload.phone!.slice(1)}` } }, client);
    expect(again).toEqual(first);
  });

  it('refuses GET on every personal-data function before reading its arguments', async () => {
    const { result } = await book();
    if (!result.ok) throw new Error(result.code);
    const before = await counts();
    const buckets = await withSql(stack, async (sql) => (await sql.query('select count(*)::int as n, coalesce(sum(hits), 0)::int as hits from app.rate_limit_buckets')).rows[0]);
    const calls: [string, Record<string, string>][] = [
      ['request_help', { request: JSON.stringify(validPayload()) }],
      ['request_status', { code: result.data.reference_code, phone: '0912345678' }],
      ['cancel_request', { code: result.data.reference_code, phone: '0912345678', reason: 'other' }],
    ];
    for (const [name, args] of calls) {
      const res = await fetch(`${stack.url}/rest/v1/rpc/${name}?${new URLSearchParams(args)}`, { headers: anonHeaders(stack) });
      expect(res.status, name).toBe(405);
      expect((await res.json()).message, name).toBe('post_required');
      const head = await fetch(`${stack.url}/rest/v1/rpc/${name}?${new URLSearchParams(args)}`, { method: 'HEAD', headers: anonHeaders(stack) });
      expect(head.status, `${name} HEAD`).toBe(405);
    }
    // supabase-js's own GET option meets the same refusal.
    const viaJs = await client.rpc('request_status', { code: result.data.reference_code, phone: '0912345678' }, { get: true });
    expect(viaJs.status).toBe(405);
    expect(viaJs.error?.message).toBe('post_required');
    expect(await counts()).toEqual(before);
    const bucketsAfter = await withSql(stack, async (sql) => (await sql.query('select count(*)::int as n, coalesce(sum(hits), 0)::int as hits from app.rate_limit_buckets')).rows[0]);
    expect(bucketsAfter).toEqual(buckets);
  });

  it('gives anon no way to read any table or view holding personal data', async () => {
    const tables = await withSql(stack, async (sql) =>
      (await sql.query(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'app' and c.relkind in ('r', 'v', 'm', 'p')`,
      )).rows.map((row) => row.name as string),
    );
    expect(tables).toEqual(expect.arrayContaining(['help_requests', 'request_events', 'rate_limit_buckets', 'settings']));
    for (const table of tables) {
      const direct = await client.schema('app').from(table).select('*');
      expect(direct.data, table).toBeNull();
      expect(direct.error?.code, table).toBe('PGRST106');
      const viaPublic = await client.from(table).select('*');
      expect(viaPublic.data, table).toBeNull();
      expect(['42P01', 'PGRST205'], table).toContain(viaPublic.error?.code);
    }
    // No view anywhere in the exposed schema, and none elsewhere reading the requests.
    const views = await withSql(stack, async (sql) =>
      (await sql.query(
        `select schemaname || '.' || viewname as name from pg_views
         where schemaname = 'public' or definition ilike '%help_requests%'`,
      )).rows,
    );
    expect(views).toEqual([]);
    // As the anon role inside the database: no privilege on schema app at all.
    await withSql(stack, async (sql) => {
      await sql.query('begin');
      await sql.query('set local role anon');
      await expect(sql.query('select citizen_phone from app.help_requests')).rejects.toMatchObject({ code: '42501' });
      await sql.query('rollback');
    });
    // PostgREST's description of the API lists functions only.
    const root = await fetch(`${stack.url}/rest/v1/`, { headers: anonHeaders(stack) }).then((res) => res.json());
    const paths = Object.keys(root.paths ?? {}).filter((path) => path !== '/');
    for (const path of paths) expect(path).toMatch(/^\/rpc\//);
  });

  it('answers status look-ups without personal data, and the same way for a wrong code or phone', async () => {
    const phone = uniquePhone();
    const { result } = await book({ phone, address: 'Tổ 5, khu 3', description: 'Quên mật khẩu VssID' });
    if (!result.ok) throw new Error(result.code);
    const code = result.data.reference_code;

    const status = foundOnly(await callRpc(requestStatus, { code: code.toLowerCase().replace(/-/g, ' '), phone: `+84 ${phone.slice(1)}` }, client));
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    expect(requestStatusSchema.parse(status.data)).toMatchObject({
      reference_code: code,
      status: 'assigned',
      verification_word: result.data.verification_word,
      can_cancel: true,
      cancelled_at: null,
    });
    expect(status.data.received_at).toBe(result.data.created_at);
    expect(status.data.assigned_at).not.toBeNull();
    for (const answer of [result.data, status.data]) {
      // The team's own public name and phone are the only name and phone in an answer.
      expect(Object.keys(answer.team ?? {}).sort()).toEqual(['name', 'phone']);
      const keys = keysDeep({ ...answer, team: null });
      for (const personal of PERSONAL_KEYS) expect(keys).not.toContain(personal);
      expect(JSON.stringify(answer)).not.toContain(phone);
    }

    const wrongPhone = await fetch(`${stack.url}/rest/v1/rpc/request_status`, {
      method: 'POST', headers: anonHeaders(stack), body: JSON.stringify({ code, phone: uniquePhone() }),
    });
    const wrongCode = await fetch(`${stack.url}/rest/v1/rpc/request_status`, {
      method: 'POST', headers: anonHeaders(stack), body: JSON.stringify({ code: 'QN-222-222-222', phone }),
    });
    const garbage = await fetch(`${stack.url}/rest/v1/rpc/request_status`, {
      method: 'POST', headers: anonHeaders(stack), body: JSON.stringify({ code: { x: 1 }, phone: 42 }),
    });
    for (const res of [wrongPhone, wrongCode, garbage]) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ found: false });
    }
    expect(foundOnly(await callRpc(requestStatus, { code, phone: uniquePhone() }, client))).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('cancels with a reason, answers a second cancel the same way, and cannot cancel a closed request', async () => {
    const phone = uniquePhone();
    const { result } = await book({ phone });
    if (!result.ok) throw new Error(result.code);
    const code = result.data.reference_code;

    const { error: badReason } = await client.rpc('cancel_request', { code, phone, reason: 'because' });
    expect(badReason?.message).toBe('reason_invalid');
    expect(foundOnly(await callRpc(cancelRequest, { code, phone: uniquePhone(), reason: 'other', erase_personal_data: false }, client))).toMatchObject({ ok: false, code: 'not_found' });

    const cancelled = foundOnly(await callRpc(cancelRequest, { code, phone, reason: 'solved_myself', erase_personal_data: false }, client));
    expect(cancelled.ok).toBe(true);
    if (!cancelled.ok) return;
    expect(cancelled.data).toMatchObject({ status: 'cancelled', can_cancel: false, personal_data_erased: false });
    expect(cancelled.data.cancelled_at).not.toBeNull();
    const twice = foundOnly(await callRpc(cancelRequest, { code, phone, reason: 'other', erase_personal_data: false }, client));
    expect(twice).toEqual(cancelled);

    const events = await withSql(stack, async (sql) =>
      (await sql.query(
        `select kind, reason, actor, team_id is not null as has_team from app.request_events
         where request_id = (select id from app.help_requests where reference_code = $1) order by id`,
        [code],
      )).rows,
    );
    expect(events.map((e) => e.kind)).toEqual(['received', 'assigned', 'cancelled']);
    expect(events[2]).toMatchObject({ reason: 'solved_myself', actor: 'citizen', has_team: true });

    const second = await book({ phone });
    if (!second.result.ok) throw new Error(second.result.code);
    await withSql(stack, (sql) =>
      sql.query(
        `update app.help_requests set status = 'closed', closed_at = now(), outcome = 'helped' where reference_code = $1`,
        [second.result.ok && second.result.data.reference_code],
      ),
    );
    const closed = foundOnly(await callRpc(cancelRequest, { code: second.result.data.reference_code, phone, reason: 'other', erase_personal_data: false }, client));
    expect(closed).toMatchObject({ ok: false, code: 'not_cancellable' });
    const status = foundOnly(await callRpc(requestStatus, { code: second.result.data.reference_code, phone }, client));
    expect(status.ok && status.data).toMatchObject({ status: 'closed', outcome: 'helped', can_cancel: false });
  });

  it('erases the personal data at once when the citizen asks, even for a closed request', async () => {
    const phone = uniquePhone();
    const { result } = await book({ phone, address: 'Khu 4', description: 'Cài VNeID', location: { lat: 20.955, lon: 107.08 } });
    if (!result.ok) throw new Error(result.code);
    const code = result.data.reference_code;
    const erased = foundOnly(await callRpc(cancelRequest, { code, phone, reason: 'no_longer_needed', erase_personal_data: true }, client));
    expect(erased.ok && erased.data).toMatchObject({ status: 'cancelled', personal_data_erased: true });
    const row = await withSql(stack, async (sql) =>
      (await sql.query('select * from app.help_requests where reference_code = $1', [code])).rows[0],
    );
    expect(row).toMatchObject({
      citizen_name: null, citizen_phone: null, helper_name: null, helper_phone: null,
      address: null, description: null, gps_lat: null, gps_lon: null, status: 'cancelled',
    });
    expect(row.personal_data_erased_at).toBeInstanceOf(Date);
    // Nothing matches any more: the generic answer.
    expect(foundOnly(await callRpc(requestStatus, { code, phone }, client))).toMatchObject({ ok: false, code: 'not_found' });

    const second = await book({ phone });
    if (!second.result.ok) throw new Error(second.result.code);
    await withSql(stack, (sql) =>
      sql.query(`update app.help_requests set status = 'closed', closed_at = now() where reference_code = $1`, [
        second.result.ok && second.result.data.reference_code,
      ]),
    );
    const closedErased = foundOnly(await callRpc(cancelRequest, { code: second.result.data.reference_code, phone, reason: 'other', erase_personal_data: true }, client));
    expect(closedErased.ok && closedErased.data).toMatchObject({ status: 'closed', personal_data_erased: true });
  });

  it('normalises phone numbers exactly like the browser', async () => {
    const inputs = [
      ...PHONE_CASES.map(([input]) => input),
      ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 32 }), { numRuns: 300, seed: 4 }),
      ...fc.sample(fc.stringMatching(/^[+(]?[0-9 .()-]{6,18}$/), { numRuns: 300, seed: 5 }),
    ].filter((input) => !input.includes('\u0000'));
    const sqlResults = await withSql(stack, async (sql) =>
      (await sql.query('select app.normalize_phone(x) as phone from unnest($1::text[]) with ordinality as u(x, i) order by i', [inputs])).rows.map(
        (row) => row.phone as string | null,
      ),
    );
    const browser = inputs.map((input) => normalizePhone(input));
    const mismatches = inputs.filter((_, i) => sqlResults[i] !== browser[i]);
    expect(mismatches).toEqual([]);
    for (const [input, expected] of PHONE_CASES) expect(sqlResults[inputs.indexOf(input)], input).toBe(expected);
  });

  it('normalises reference codes like the browser and makes readable, unguessable ones', async () => {
    const typed = ['qn-7k4-m9p-x2a', '7K4M9PX2A', 'QN7K4M9PX2A', 'QNA-BCD-EFG', 'QN-0K4-M9P-X2A', '', 'x'.repeat(50)];
    const normalised = await withSql(stack, async (sql) =>
      (await sql.query('select app.normalize_reference_code(x) as c from unnest($1::text[]) with ordinality as u(x, i) order by i', [typed])).rows.map((r) => r.c),
    );
    expect(normalised).toEqual(typed.map((input) => normalizeReferenceCode(input)));

    const codes = await withSql(stack, async (sql) =>
      (await sql.query('select app.new_reference_code() as c from generate_series(1, 3000)')).rows.map((r) => r.c as string),
    );
    for (const code of codes) expect(code).toMatch(REFERENCE_CODE_PATTERN);
    expect(new Set(codes).size).toBe(codes.length);
    // Every character of the alphabet turns up about equally often (27,000 draws, 900 expected each).
    const counts = new Map<string, number>();
    for (const char of codes.map((code) => code.slice(3).replace(/-/g, '')).join('')) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(30);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(700);
      expect(n).toBeLessThan(1100);
    }
  });

  it('keeps the closed lists in SQL equal to the shared schema', async () => {
    const definitions = await withSql(stack, async (sql) =>
      (await sql.query(
        `select pg_get_constraintdef(oid) as def from pg_constraint
         where conrelid = 'app.help_requests'::regclass and contype = 'c'`,
      )).rows.map((row) => row.def as string),
    );
    const listIn = (column: string) => {
      const def = definitions.find((d) => d.includes(`(${column} =`) || d.includes(`${column} <@`) || d.includes(`(${column})::text = ANY`));
      return def ? [...def.matchAll(/'([a-z_-]+)'/g)].map((m) => m[1]) : [];
    };
    expect(new Set(listIn('needs'))).toEqual(new Set(NEED_IDS));
    expect(new Set(listIn('time_window'))).toEqual(new Set(TIME_WINDOWS));
    expect(new Set(listIn('cancel_reason'))).toEqual(new Set(CANCEL_REASONS));
    const versions = await withSql(stack, async (sql) =>
      (await sql.query(`select value from app.settings where key = 'consent.versions'`)).rows[0].value as string[],
    );
    expect(versions).toContain(CONSENT_VERSION);
  });
});
