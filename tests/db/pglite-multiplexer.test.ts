import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../supabase/local/database.ts';

/**
 * PGlite is one PostgreSQL session; pglite-socket multiplexes many connections over it. These tests
 * prove what the local stack relies on: a transaction on one connection is invisible to the others
 * until it commits (they wait), a rollback leaves nothing, and parameterised queries on many
 * connections at once each get their own answer.
 */
describe('pglite-socket multiplexer', () => {
  let db: EmbeddedDatabase;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    db = await startEmbeddedDatabase();
    for (let i = 0; i < 6; i++) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      clients.push(client);
    }
    await clients[0].query('create table mux (owner int, n int)');
  });

  afterAll(async () => {
    for (const client of clients) await client.end();
    await db.stop();
  });

  it('keeps an open transaction invisible to other connections until it commits', async () => {
    const [a, b] = clients;
    await a.query('begin');
    await a.query('insert into mux values (0, 1)');
    let seen: number | undefined;
    const reading = b.query('select count(*)::int as n from mux').then((res) => {
      seen = res.rows[0].n;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // b waits: it neither saw the uncommitted row nor ran inside a's transaction.
    expect(seen).toBeUndefined();
    await a.query('commit');
    await reading;
    expect(seen).toBe(1);
  });

  it('discards a rolled-back transaction for everyone', async () => {
    const [a, b] = clients;
    await a.query('begin');
    await a.query('insert into mux values (0, 99)');
    const reading = b.query('select count(*)::int as n from mux where n = 99');
    await a.query('rollback');
    expect((await reading).rows[0].n).toBe(0);
  });

  it('runs interleaved transactions from many connections without mixing them', async () => {
    await Promise.all(
      clients.map(async (client, owner) => {
        for (let i = 0; i < 20; i++) {
          await client.query('begin');
          await client.query('insert into mux values ($1, $2)', [owner + 10, i]);
          if (i % 2 === 0) await client.query('commit');
          else await client.query('rollback');
        }
      }),
    );
    const rows = await clients[0].query(
      'select owner, count(*)::int as n, sum(n)::int as total from mux where owner >= 10 group by owner order by owner',
    );
    // Each connection committed exactly its even-numbered inserts: 10 rows summing to 0+2+…+18 = 90.
    expect(rows.rows).toEqual(clients.map((_, owner) => ({ owner: owner + 10, n: 10, total: 90 })));
  });

  it('answers concurrent parameterised queries each with its own result', async () => {
    const answers = await Promise.all(
      clients.map(async (client, i) => {
        const rows = [];
        for (let k = 0; k < 25; k++) {
          rows.push((await client.query('select $1::int as n, $2::text as t', [i * 100 + k, `c${i}`])).rows[0]);
        }
        return rows;
      }),
    );
    expect(answers.flat()).toEqual(
      clients.flatMap((_, i) => Array.from({ length: 25 }, (_, k) => ({ n: i * 100 + k, t: `c${i}` }))),
    );
  });
});
