import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type pg from 'pg';
import { withSql } from '../support/clients.ts';
import { changeSettings, RELAXED_LIMITS, validPayload } from '../support/help-requests.ts';

/**
 * request_help stores a booking with ON CONFLICT DO NOTHING and no look-up of the reference code
 * first (20261128000800_booking.sql): a code already taken makes the insert store nothing, and
 * another code is drawn. A clash of 44-bit codes is too rare to meet by chance, so these tests
 * replace app.new_reference_code() inside a transaction that is rolled back: it hands out a code
 * that is taken, `taken` times, then a free one.
 */
describe.each(inject('stacks'))('reference codes of new bookings on $backend', (stack) => {
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await changeSettings(stack, RELAXED_LIMITS);
  });
  afterAll(async () => {
    await restore();
  });

  /** Books once, as PostgREST would call it, with the first `taken` codes drawn already in use. */
  async function bookWithTakenCodes(sql: pg.Client, taken: number) {
    await sql.query(`select set_config('request.method', 'POST', true), set_config('request.headers', $1, true)`, [
      JSON.stringify({ 'x-forwarded-for': '203.0.113.60, 127.0.0.1' }),
    ]);
    const book = async () =>
      (await sql.query(`select public.request_help($1::jsonb) as a`, [JSON.stringify(validPayload())])).rows[0]
        .a as { reference_code: string };
    // The request holding the code, booked with a code drawn the usual way.
    const existing = (await book()).reference_code;
    await sql.query(`create or replace function app.new_reference_code() returns text
      language plpgsql volatile set search_path = '' as $f$
      declare draws integer := coalesce(nullif(current_setting('test.draws', true), ''), '0')::integer + 1;
      begin
        perform set_config('test.draws', draws::text, true);
        return case when draws <= ${taken} then '${existing}' else 'QN-ZZZ-ZZZ-ZZ2' end;
      end $f$`);
    const answer = await book();
    const draws = Number((await sql.query(`select current_setting('test.draws') as d`)).rows[0].d);
    return { existing, answer, draws };
  }

  async function inRolledBackTransaction<T>(work: (sql: pg.Client) => Promise<T>): Promise<T> {
    return withSql(stack, async (sql) => {
      await sql.query('begin');
      try {
        return await work(sql);
      } finally {
        await sql.query('rollback');
      }
    });
  }

  it('draws another code when the first one is taken, and leaves the request holding it alone', async () => {
    const { existing, answer, draws } = await inRolledBackTransaction(async (sql) => {
      const result = await bookWithTakenCodes(sql, 2);
      const holders = (await sql.query(`select count(*)::int as n from app.help_requests where reference_code = $1`, [
        result.existing,
      ])).rows[0].n;
      expect(holders).toBe(1);
      return result;
    });
    expect(draws).toBe(3);
    expect(answer.reference_code).toBe('QN-ZZZ-ZZZ-ZZ2');
    expect(answer.reference_code).not.toBe(existing);
  });

  it('gives up with an error after five taken codes instead of looping', async () => {
    await expect(inRolledBackTransaction((sql) => bookWithTakenCodes(sql, 1000))).rejects.toThrow(
      /no free reference code in 5 draws/,
    );
  });
});
