import { describe, expect, inject, it } from 'vitest';
import { anonClient, withSql } from '../support/clients.ts';

/**
 * Checks that hold for every object any migration creates, so later migrations are held to the
 * same bar: RLS everywhere, no table privileges for the API roles, definer functions with a pinned
 * search_path, and only allow-listed functions executable by anon.
 */

/** Public RPCs that anon may call. Adding one here is a deliberate, reviewed act. */
const ANON_FUNCTIONS = [
  'portal_stats',
  'record_poster_scan',
  'send_guide_feedback',
  'request_data_erasure',
  // Booking (issue 4): POST only, no personal data returned.
  'request_help',
  'request_status',
  'cancel_request',
  // The citizen's one-tap answer after "Đã xong" (issue 16): checked by code and phone, yes/no only.
  'rate_help',
  // Outreach log (issue 14): two province totals, sums only.
  'outreach_totals',
  // Guide confirmations (issue 15): the guide page's stamp, read-only, no personal data.
  'guide_confirmation_stamp',
  // Look-up by phone (issue 13): POST only, rate-limited, same answer whether the phone has requests.
  'request_phone_code',
  'requests_by_phone',
  // Commune pages (issue 14): only what teams chose to publish.
  'commune_public_info',
];

const OUR_SCHEMAS = "('public', 'app')";

describe.each(inject('stacks'))('security baseline on $backend', (stack) => {
  it('enables row level security on every table', async () => {
    const rows = await withSql(stack, (sql) =>
      sql.query(`select n.nspname || '.' || c.relname as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname in ${OUR_SCHEMAS} and not c.relrowsecurity`),
    );
    expect(rows.rows.map((row) => row.name)).toEqual([]);
  });

  it('grants anon and authenticated no privilege on any table, view or sequence', async () => {
    const rows = await withSql(stack, (sql) =>
      sql.query(`select grantee, table_schema || '.' || table_name as name, privilege_type
        from information_schema.role_table_grants
        where grantee in ('anon', 'authenticated', 'PUBLIC') and table_schema in ${OUR_SCHEMAS}`),
    );
    expect(rows.rows).toEqual([]);
  });

  it('pins search_path on every function in our schemas', async () => {
    const rows = await withSql(stack, (sql) =>
      sql.query(`select n.nspname || '.' || p.proname as name from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ${OUR_SCHEMAS}
          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`),
    );
    expect(rows.rows.map((row) => row.name)).toEqual([]);
  });

  it('lets anon execute only the allow-listed functions', async () => {
    const rows = await withSql(stack, (sql) =>
      sql.query(`select p.proname as name from pg_proc p
        join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ${OUR_SCHEMAS} and has_function_privilege('anon', p.oid, 'execute')
        order by 1`),
    );
    expect(rows.rows.map((row) => row.name).sort()).toEqual([...ANON_FUNCTIONS].sort());
  });

  it('does not expose tables through the REST API', async () => {
    const client = anonClient(stack);
    // Tables live in schema app, which PostgREST does not expose; public holds none.
    const inPublic = await client.from('communes').select('*');
    expect(inPublic.data).toBeNull();
    expect(inPublic.error?.code).toBe('42P01');
    const inApp = await client.schema('app').from('communes').select('*');
    expect(inApp.data).toBeNull();
    expect(inApp.error?.code).toBe('PGRST106');
  });
});
