import { describe, expect, inject, it } from 'vitest';
import { anonClient, withSql } from '../support/clients.ts';
import { callRpc, type RpcArgs } from '../../src/lib/api/rpc.ts';
import { sendGuideFeedback } from '../../src/lib/api/guides.ts';
import { readGuideFiles } from '../support/content.ts';
import { syncGuideCodesRemote } from '../../supabase/local/guide-codes.ts';

/** The guide codes of content/guides, read like the site does. */
const contentCodes = readGuideFiles()
  .map((guide) => (guide.frontmatter as { code: string }).code)
  .sort();

describe.each(inject('stacks'))('guide feedback on $backend', (stack) => {
  const client = anonClient(stack);
  const clearLimits = () =>
    withSql(stack, (sql) => sql.query("delete from app.rate_limit_buckets where scope = 'feedback.per_address'"));

  it('stores a rating and an error report without personal data', async () => {
    await clearLimits();
    expect(await callRpc(sendGuideFeedback, { kind: 'rating', guide_code: 'vs4', helpful: true }, client)).toEqual({
      ok: true,
      data: { ok: true },
    });
    const report = await callRpc(
      sendGuideFeedback,
      { kind: 'error_report', guide_code: 'vs4', comment: 'Bước 3 sai, gọi tôi 0912 345 678 hoặc an@example.org' },
      client,
    );
    expect(report.ok).toBe(true);
    const rows = await withSql(stack, (sql) =>
      sql.query("select kind, helpful, comment from app.guide_feedback where guide_code = 'vs4' order by id"),
    );
    expect(rows.rows.slice(-2)).toEqual([
      { kind: 'rating', helpful: true, comment: null },
      { kind: 'error_report', helpful: null, comment: 'Bước 3 sai, gọi tôi [số điện thoại] hoặc [email]' },
    ]);
  });

  it.each([
    ['a malformed guide code', { kind: 'rating', guide_code: 'NOT A CODE', helpful: true }, 'guide_invalid'],
    ['a blank error report', { kind: 'error_report', guide_code: 'vs4', comment: '   ' }, 'comment_required'],
    ['a 501-character comment', { kind: 'error_report', guide_code: 'vs4', comment: 'x'.repeat(501) }, 'comment_too_long'],
  ] as const)('rejects %s (code %s) and stores nothing', async (_label, feedback, code) => {
    await clearLimits();
    const count = () =>
      withSql(stack, async (sql) => (await sql.query('select count(*)::int as n from app.guide_feedback')).rows[0].n);
    const before = await count();
    const result = await callRpc(sendGuideFeedback, feedback as RpcArgs<typeof sendGuideFeedback>, client);
    expect(result).toMatchObject({ ok: false, code });
    expect(await count()).toBe(before);
  });

  it('knows exactly the guide codes of content/guides (app.is_known_guide_code)', async () => {
    const known = await withSql(stack, async (sql) => (await sql.query('select code from app.guide_codes order by code')).rows);
    expect(known.map((row) => row.code)).toEqual(contentCodes);
    const answers = await withSql(stack, async (sql) =>
      (
        await sql.query(
          `select app.is_known_guide_code('${contentCodes[0]}') as real, app.is_known_guide_code('zzzzzzzz') as made_up,
                  app.is_known_guide_code(null) as missing`,
        )
      ).rows[0],
    );
    expect(answers).toEqual({ real: true, made_up: false, missing: false });
  });

  it('syncs the codes through the Data API with the service_role key only (npm run db:guide-codes)', async () => {
    expect(await syncGuideCodesRemote(stack.url, stack.serviceRoleKey)).toBe(contentCodes.length);
    const asAnon = await fetch(`${stack.url}/rest/v1/rpc/sync_guide_codes`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ codes: ['zz1'] }),
    });
    expect(asAnon.ok).toBe(false);
    await expect(syncGuideCodesRemote(stack.url, stack.serviceRoleKey, [])).rejects.toThrow(/codes_invalid/);
  });

  it.each([
    ['a well-formed code of no guide', '"zzzzzzzz"'],
    ['JSON true', 'true'],
    ['a number', '12'],
    ['a number too large for any type', '1e400'],
    ['an array holding a real code', '["vs4"]'],
  ])('rejects %s as guide code (guide_invalid) and stores nothing', async (_label, rawCode) => {
    await clearLimits();
    const count = () =>
      withSql(stack, async (sql) => (await sql.query('select count(*)::int as n from app.guide_feedback')).rows[0].n);
    const before = await count();
    const res = await fetch(`${stack.url}/rest/v1/rpc/send_guide_feedback`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: `{"guide_code": ${rawCode}, "kind": "rating", "helpful": true}`,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe('guide_invalid');
    expect(await count()).toBe(before);
  });

  it('limits one client address to 20 messages an hour', async () => {
    await clearLimits();
    const results = [];
    for (let i = 0; i < 21; i++) {
      results.push(await callRpc(sendGuideFeedback, { kind: 'rating', guide_code: 'tx3', helpful: i % 2 === 0 }, client));
    }
    expect(results.slice(0, 20).every((r) => r.ok)).toBe(true);
    expect(results[20]).toMatchObject({ ok: false, code: 'rate_limited' });
    await clearLimits();
  });

  it('is refused over GET, so it cannot be triggered by a link', async () => {
    const res = await fetch(`${stack.url}/rest/v1/rpc/send_guide_feedback?guide_code=vs4&kind=rating&helpful=true`, {
      headers: { apikey: stack.anonKey },
    });
    expect(res.status).toBe(405);
  });
});
