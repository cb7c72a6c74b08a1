import { describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';

/**
 * Server errors reach callers as one generic 503 (issue 16 point 11): a full disk made PostgreSQL
 * answer anonymous callers with its message, internal file paths included. The failure is staged
 * by making app.client_address() (which every anonymous RPC calls) raise what PostgreSQL raises
 * on a full disk, or an internal error; the original definition is put back afterwards.
 */
const FAILURES = [
  ['a full disk', '53100', 'could not extend file \\"base/5/16384\\": No space left on device'],
  ['an internal error', 'XX000', 'could not read block 0 in file \\"base/5/2619\\": read only 0 of 8192 bytes'],
] as const;

describe.each(inject('stacks'))('the gateway on $backend', (stack) => {
  it.each(FAILURES)('answers %s with a generic 503 that names no internal path', async (_label, sqlstate, message) => {
    const original = await withSql(stack, async (sql) =>
      (await sql.query(`select pg_get_functiondef('app.client_address()'::regprocedure) as def`)).rows[0].def as string,
    );
    await withSql(stack, (sql) =>
      sql.query(`create or replace function app.client_address() returns text language plpgsql stable set search_path = ''
        as $$ begin raise exception using errcode = '${sqlstate}', message = E'${message}'; end $$`),
    );
    try {
      const res = await fetch(`${stack.url}/rest/v1/rpc/record_poster_scan`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
        body: JSON.stringify({ poster: 'g-vs4' }),
      });
      const body = await res.text();
      expect(res.status).toBe(503);
      expect(JSON.parse(body)).toMatchObject({ message: 'service_unavailable' });
      expect(body).not.toMatch(/base\/|No space|block|file/);
    } finally {
      await withSql(stack, (sql) => sql.query(original));
    }
    // Back to normal.
    const again = await fetch(`${stack.url}/rest/v1/rpc/record_poster_scan`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
      body: JSON.stringify({ poster: 'g-vs4' }),
    });
    expect(again.status).toBe(200);
  });
});
