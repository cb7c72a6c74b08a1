import { describe, expect, inject, it } from 'vitest';
import { anonClient, withSql } from '../support/clients.ts';
import { callRpc } from '../../src/lib/api/rpc.ts';
import { portalStats } from '../../src/lib/api/portal.ts';

describe.each(inject('stacks'))('first round trip on $backend', (stack) => {
  it('portal_stats through supabase-js and PostgREST matches the database', async () => {
    const expected = await withSql(stack, async (sql) => ({
      communes: (await sql.query('select count(*)::int as n from app.communes')).rows[0].n,
      teams: (await sql.query('select count(*)::int as n from app.teams where active')).rows[0].n,
    }));
    expect(expected.communes).toBe(54);
    expect(expected.teams).toBeGreaterThan(0);
    const result = await callRpc(portalStats, {}, anonClient(stack));
    expect(result).toEqual({ ok: true, data: expected });
  });

  it('answers a plain HTTP call with the anon key on the single origin', async () => {
    const res = await fetch(`${stack.url}/rest/v1/rpc/portal_stats`, {
      method: 'POST',
      headers: { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ communes: 54 });
  });

  it('rejects a token signed with another secret', async () => {
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmVkLXdpdGgtYW5vdGhlci1zZWNyZXQ';
    const res = await fetch(`${stack.url}/rest/v1/rpc/portal_stats`, {
      method: 'POST',
      headers: { authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});
