import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import communes from '../../content/communes.json' with { type: 'json' };
import { withSql } from '../support/clients.ts';
import { anonHeaders, changeSettings, deleteRequests, RELAXED_LIMITS } from '../support/help-requests.ts';
import { PHONE_CASES } from '../support/phone-cases.ts';
import { REQUEST_HELP_ERRORS, TRANSPORT_ERRORS } from '../../src/lib/booking/errors.ts';
import { CONSENT_VERSION, helpRequestSchema, NEED_IDS, TIME_WINDOWS } from '../../src/lib/schemas/help-request.ts';
import { helpRequestAnswerSchema } from '../../src/lib/api/booking.ts';

/**
 * 1,000 random and hostile payloads per backend, sent raw to PostgREST as anon. Each one is either
 * accepted, stored whole (one row, exactly two events, values as the shared schema cleans them) and
 * answered in the documented shape, or rejected with a known code and leaves nothing behind; never
 * a 5xx. The shared zod schema must agree with the database on every verdict.
 */

const RUNS = 1000;
const KNOWN_CODES = new Set<string>([...REQUEST_HELP_ERRORS, ...TRANSPORT_ERRORS]);
/** Rules only the database can check. */
const SERVER_ONLY = new Set(['commune_unknown']);

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    "Robert'); drop table app.help_requests;--",
    "' or '1'='1",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '${jndi:ldap://x}',
    '\u202eadmin',
    'a\u200bb',
    '😀😀😀',
    'Nguyễn 👍',
    'Bà\tTư',
    'x\r\ny',
    '\u0000',
    '\ud800',
    'null',
    '0912345678',
  ),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 81, max: 20_000 }).map((n) => 'ă'.repeat(n)),
);
const wrongTypes = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const hostile = fc.oneof(hostileStrings, wrongTypes);

/** Mostly valid values, sometimes hostile ones, sometimes the key missing. */
function field<T>(valid: fc.Arbitrary<T>, validWeight = 40) {
  return fc.oneof(
    { arbitrary: valid, weight: validWeight },
    { arbitrary: hostile, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const names = fc.oneof(
  { arbitrary: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Bà Tư', "O'Neil", 'Lê-Hoàng Nam', 'Đặng Thị Út', 'Hà Văn A 2'), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 2, maxLength: 40 }), weight: 1 },
);
const phones = fc.oneof(
  { arbitrary: fc.constantFrom(...PHONE_CASES.map(([input]) => input)), weight: 1 },
  { weight: 4, arbitrary: fc
    .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^[0-9]{8}$/), fc.constantFrom('0', '+84 ', '84', ''))
    .map(([prefix, rest, country]) => `${country}${prefix}${rest}`) },
);
const communeCodes = fc.oneof(
  { arbitrary: fc.constantFrom(...communes.map((c) => c.code)), weight: 9 },
  { arbitrary: fc.constantFrom('00000', '6652', '066520', 'ha-long', ' 06652'), weight: 1 },
);
const locations = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.record({ lat: fc.double({ min: 20.6, max: 21.75, noNaN: true }), lon: fc.double({ min: 106.4, max: 108.15, noNaN: true }) }), weight: 3 },
  { arbitrary: fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }), weight: 1 },
  { arbitrary: fc.constantFrom({ lat: '21', lon: 107 }, { lat: 91, lon: 107 }, { lat: 21 }, [21, 107], 'here', { lat: 1e300, lon: -1e300 }), weight: 1 },
);
const needs = fc.oneof(
  { arbitrary: fc.uniqueArray(fc.constantFrom(...NEED_IDS), { minLength: 1, maxLength: 3 }), weight: 8 },
  { arbitrary: fc.array(fc.constantFrom(...NEED_IDS), { minLength: 0, maxLength: 12 }), weight: 1 },
  { arbitrary: fc.constantFrom(['bank'], [1], 'vssid', [null]), weight: 1 },
);
/** Guide and step together: mostly none or a valid pair, sometimes anything. */
const guideAndStep = fc.oneof(
  { arbitrary: fc.constant([null, null] as unknown[]), weight: 6 },
  { arbitrary: fc.tuple(fc.constantFrom('vs4', 'vn1', 'dv10'), fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 50 }))), weight: 4 },
  {
    arbitrary: fc.tuple(
      fc.oneof(fc.constantFrom('VS4', 'a', 'abcdefghi', '', 'tt8'), hostile, fc.constant(undefined)),
      fc.oneof(fc.constantFrom(0, 51, 2.5, -1, 1e21, 3), hostile, fc.constant(undefined)),
    ),
    weight: 2,
  },
);
const descriptions = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.constantFrom('Cần cài VNeID cho mẹ', 'Quên mật khẩu VssID 😢', 'Nộp thuế đất\nkhông được'), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }), weight: 1 },
  { arbitrary: fc.integer({ min: 495, max: 505 }).map((n) => 'ơ'.repeat(n)), weight: 1 },
  { arbitrary: fc.integer({ min: 495, max: 505 }).map((n) => '🙏'.repeat(n)), weight: 1 },
  { arbitrary: fc.constantFrom('Dòng 1\r\nDòng 2', '  \n  ', 'bell\u0007', 'tab\there'), weight: 1 },
);

const payloads = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.record(
      {
        idempotency_key: field(fc.uuid().map((u) => (Math.random() < 0.1 ? u.toUpperCase() : u))),
        website: fc.oneof({ arbitrary: fc.constant(undefined), weight: 15 }, { arbitrary: fc.constantFrom('', null), weight: 3 }, { arbitrary: hostile, weight: 1 }),
        on_behalf: fc.oneof({ arbitrary: fc.constant(undefined), weight: 10 }, { arbitrary: fc.boolean(), weight: 6 }, { arbitrary: hostile, weight: 1 }),
        name: field(names),
        phone: field(phones),
        helper_name: field(names, 6),
        helper_phone: field(phones, 6),
        commune_code: field(communeCodes),
        address: field(
          fc.oneof(
            { arbitrary: fc.constant(null), weight: 3 },
            { arbitrary: fc.constantFrom('Thôn 3, gần chợ', 'Số 12 ngõ 3/5'), weight: 3 },
            { arbitrary: fc.string({ maxLength: 210 }), weight: 1 },
          ),
        ),
        location: field(locations),
        needs: field(needs),
        description: field(descriptions),
        time_window: field(fc.constantFrom(...TIME_WINDOWS)),
        source_poster: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.constantFrom('P-12', 'abc_DEF', 'a b', ''), weight: 2 }),
        consent: field(fc.constant(true), 30),
        consent_version: field(fc.constant(CONSENT_VERSION), 30),
      },
      { noNullPrototype: true },
    )
      .chain((record) => guideAndStep.map(([guide_code, guide_step]) => ({ ...record, guide_code, guide_step }))),
  },
  { weight: 1, arbitrary: fc.oneof(wrongTypes, hostileStrings) },
);

/** JSON as a browser would send it; undefined keys disappear. */
function body(payload: unknown): string {
  return JSON.stringify({ request: payload });
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe.each(inject('stacks'))('hostile and random payloads on $backend', (stack) => {
  const created: string[] = [];
  let restore: () => Promise<void>;

  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
  });

  afterAll(async () => {
    await withSql(stack, (sql) => deleteRequests(sql, created));
    await restore();
  });

  it(`accepts and stores whole, or rejects with a known code, each of ${RUNS} payloads; never a 5xx`, async () => {
    // A fixed seed per backend, so a failure can be replayed; eight requests in flight at a time.
    const samples = fc.sample(payloads, { numRuns: RUNS, seed: stack.backend === 'pglite' ? 20261128 : 20261129 });
    const verdicts = { accepted: 0, rejected: 0, transport: 0 };
    const failures: string[] = [];

    await withSql(stack, async (db) => {
      const totals = async () =>
        (await db.query(
          'select (select count(*) from app.help_requests)::int as requests, (select count(*) from app.request_events)::int as events',
        )).rows[0] as { requests: number; events: number };
      const before = await totals();

      await inParallel(samples, 8, async (payload) => {
        const sent = JSON.parse(body(payload)).request as unknown;
        const key = (sent as { idempotency_key?: unknown } | null)?.idempotency_key;
        try {
          const res = await fetch(`${stack.url}/rest/v1/rpc/request_help`, {
            method: 'POST',
            headers: anonHeaders(stack),
            body: body(payload),
          });
          expect(res.status).toBeLessThan(500);
          const answer = await res.json();
          const zod = helpRequestSchema.safeParse(sent);

          if (res.status === 200) {
            verdicts.accepted += 1;
            const parsed = helpRequestAnswerSchema.parse(answer);
            created.push(parsed.reference_code);
            // The browser's schema accepts it too, and cleans it to exactly what was stored.
            expect(zod.success, 'zod rejected what the database accepted').toBe(true);
            if (!zod.success) return;
            const rows = (await db.query(
              `select idempotency_key::text, citizen_name, citizen_phone, helper_name, helper_phone, commune_code, address,
                      description, needs, guide_code, guide_step, time_window, source_poster, on_behalf, consent_version,
                      status, team_id is not null as has_team,
                      (select count(*)::int from app.request_events e where e.request_id = h.id) as events
               from app.help_requests h where reference_code = $1`,
              [parsed.reference_code],
            )).rows;
            const v = zod.data;
            expect(rows).toEqual([
              {
                idempotency_key: v.idempotency_key,
                citizen_name: v.name,
                citizen_phone: v.phone,
                helper_name: v.helper_name,
                helper_phone: v.helper_phone,
                commune_code: v.commune_code,
                address: v.address,
                description: v.description,
                needs: v.needs,
                guide_code: v.guide_code,
                guide_step: v.guide_step,
                time_window: v.time_window,
                source_poster: v.source_poster,
                on_behalf: v.on_behalf,
                consent_version: CONSENT_VERSION,
                status: parsed.status,
                has_team: parsed.status === 'assigned',
                events: 2,
              },
            ]);
          } else {
            expect(res.status).toBe(400);
            const code = answer.code === 'P0001' ? answer.message : answer.code;
            expect(KNOWN_CODES, JSON.stringify(answer)).toContain(code);
            // Nothing was stored under its key.
            if (typeof key === 'string' && /^[0-9a-f-]{36}$/i.test(key)) {
              const stored = await db.query('select 1 from app.help_requests where idempotency_key = $1::uuid', [key]);
              expect(stored.rowCount, 'a rejected payload left a row').toBe(0);
            }
            if (answer.code === 'P0001') {
              verdicts.rejected += 1;
              if (!SERVER_ONLY.has(code)) {
                expect(zod.success, `zod accepted what the database rejected with ${code}`).toBe(false);
                if (!zod.success) expect(zod.error.issues.map((issue) => issue.message)).toContain(code);
              }
            } else {
              verdicts.transport += 1;
            }
          }
        } catch (error) {
          failures.push(`${error instanceof Error ? error.message : String(error)}\n  payload: ${body(payload).slice(0, 600)}`);
        }
      });

      // Exactly the accepted requests were added, each with its two events: no partial rows anywhere.
      const after = await totals();
      expect(after).toEqual({ requests: before.requests + verdicts.accepted, events: before.events + 2 * verdicts.accepted });
    });
    expect(failures).toEqual([]);
    // The generator must exercise both paths substantially.
    expect(verdicts.accepted).toBeGreaterThan(RUNS * 0.15);
    expect(verdicts.rejected).toBeGreaterThan(RUNS * 0.3);
    console.info(`[${stack.backend}] ${JSON.stringify(verdicts)}`);
  });
});
