import { readdirSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { withSql } from '../support/clients.ts';
import { API_AREAS, allContracts } from '../../src/lib/api/contracts.ts';

/**
 * The RPC contracts of src/lib/api (the site's only way to call the backend) against the database,
 * a stand-in for generated types: every contract names a function of schema public, with exactly
 * the contract's arguments, in order (PostgREST matches them by name, so a renamed SQL argument
 * would otherwise fail only at run time); and every function the API roles may execute has a
 * contract, or is listed below with the reason it has none.
 */

/** Functions anon or authenticated may execute that the site does not call, and why. */
const WITHOUT_CONTRACT: Record<string, string> = {};

/** Modules of src/lib/api that are not areas (the call machinery, the public reads of static pages, this registry). */
const NOT_AREAS = ['backend.ts', 'commune-info-read.ts', 'contracts.ts', 'load-supabase.ts', 'local-keys.ts', 'public-read.ts', 'rpc.ts', 'supabase.ts'];

const contracts = allContracts();

/** A function of schema public: its signature and its IN argument names in order. */
interface PublicFunction {
  name: string;
  signature: string;
  inArgs: string[];
  callable: boolean;
}

function publicFunctions(stack: Parameters<typeof withSql>[0]): Promise<PublicFunction[]> {
  return withSql(stack, async (sql) => {
    const rows = await sql.query(`
      select p.proname as name, p.oid::regprocedure::text as signature,
             coalesce(p.proargnames, '{}') as arg_names, p.proargmodes::text[] as arg_modes, p.pronargs as nargs,
             has_function_privilege('anon', p.oid, 'execute')
               or has_function_privilege('authenticated', p.oid, 'execute') as callable
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' order by 1, 2`);
    return rows.rows.map((row) => {
      const names: string[] = row.arg_names;
      // Without proargmodes every argument is IN; else keep IN, INOUT and VARIADIC ones.
      const modes: string[] = row.arg_modes ?? names.map(() => 'i');
      const inArgs = names.filter((_, i) => ['i', 'b', 'v'].includes(modes[i]));
      if (inArgs.length !== row.nargs) throw new Error(`${row.signature}: unnamed arguments`);
      return { name: row.name, signature: row.signature, inArgs, callable: row.callable };
    });
  });
}

describe('the contract registry', () => {
  it('lists every area module of src/lib/api', () => {
    const files = readdirSync(new URL('../../src/lib/api/', import.meta.url)).filter((file) => file.endsWith('.ts'));
    const areas = files.filter((file) => !NOT_AREAS.includes(file)).map((file) => file.replace(/\.ts$/, ''));
    expect(Object.keys(API_AREAS).sort()).toEqual(areas.sort());
  });

  it('finds one contract per function name', () => {
    expect(contracts.length).toBeGreaterThanOrEqual(26);
    const names = contracts.map(({ contract }) => contract.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(names.filter((name) => name in WITHOUT_CONTRACT)).toEqual([]);
  });
});

describe.each(inject('stacks'))('RPC contracts against the database on $backend', (stack) => {
  let catalog: Promise<PublicFunction[]> | undefined;
  const functionsOf = () => (catalog ??= publicFunctions(stack));

  it.each(contracts.map((entry) => [`${entry.area}.${entry.exportName}`, entry] as const))(
    '%s names a function of schema public with exactly its arguments',
    async (_label, { contract }) => {
      const functions = (await functionsOf()).filter((fn) => fn.name === contract.name);
      // One function of that name (PostgREST cannot choose between overloads by name), executable
      // by the API roles, taking exactly the contract's arguments.
      expect(functions.map((fn) => fn.signature), `public.${contract.name}`).toHaveLength(1);
      expect(functions[0].callable, `${functions[0].signature} is executable by anon or authenticated`).toBe(true);
      expect(functions[0].inArgs, `arguments of ${functions[0].signature}`).toEqual(Object.keys(contract.args));
    },
  );

  it('has a contract for every function the API roles may execute', async () => {
    const covered = new Set(contracts.map(({ contract }) => contract.name));
    const uncovered = (await functionsOf())
      .filter((fn) => fn.callable && !covered.has(fn.name) && !(fn.name in WITHOUT_CONTRACT))
      .map((fn) => fn.signature);
    expect(uncovered, 'executable by anon or authenticated, but no contract in src/lib/api').toEqual([]);
  });
});
