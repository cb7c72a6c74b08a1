/**
 * `npm run db:snapshot`: writes supabase/schema/<area>.sql, the current definition of every object
 * the migrations create, one file per concern, read from the catalog of a freshly migrated database.
 * The migrations are what runs; the snapshot is where to READ the system as it is now, once
 * migrations are forward-only again and a function's current body may sit in a later file than its
 * first one.
 *
 * The area of an object is the concern of the migration that first created it (its file name
 * without the timestamp: 20261128000800_booking.sql → booking.sql). A later migration that replaces
 * a function, or adds an index or a column to a table, leaves it in its area, and the area's header
 * lists that migration; objects that a new migration creates get that migration's area. Objects the
 * platform bootstrap made (supabase/local/bootstrap.sql) are not part of it unless a migration
 * changes them.
 *
 * Generated from an in-memory PGlite only, so that the files do not depend on which PostgreSQL a
 * developer has: pg_get_functiondef() and friends print the same definitions differently across
 * major versions. tests/db/schema-snapshot.test.ts regenerates it and fails on any difference.
 *
 *   node --experimental-strip-types supabase/local/schema-snapshot.ts
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { ROOT_DIR } from './config.ts';
import { startEmbeddedDatabase } from './database.ts';
import { migrate } from './migrate.ts';

/** Where the snapshot is written. */
export const SCHEMA_DIR = path.join(ROOT_DIR, 'supabase/schema');

/** The command that rewrites the snapshot (named in the test's failure message). */
export const SNAPSHOT_COMMAND = 'npm run db:snapshot';

/** Our schemas: every object in them is part of the snapshot. */
const SCHEMAS = "('app', 'public')";

/** Settings whose value is a secret made per database: their row is listed without the value. */
const SECRET_SETTINGS = new Set(['privacy.hash_salt']);

/** One object as the snapshot prints it. */
interface SnapshotObject {
  /** What decides the area: functions by name (all overloads together), others by identity. */
  areaKey: string;
  /** Order within a file: section, then name. */
  sort: string;
  sql: string;
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const commentOn = (what: string, comment: string | null) => (comment === null ? '' : `comment on ${what} is ${quote(comment)};\n`);

async function rows<T>(client: pg.Client, sql: string): Promise<T[]> {
  // Simple-protocol queries only (no parameters), like migrate.ts: PGlite's socket multiplexer serves them whole.
  return (await client.query(sql)).rows as T[];
}

/** `grant …` lines from an ACL, leaving out the owner's own privileges. */
async function grantsOf(client: pg.Client, what: string, aclSql: string, ownerSql: string, from: string) {
  const grants = await rows<{ target: string; privileges: string; grantees: string }>(
    client,
    `select target, privileges, string_agg(grantee, ', ' order by grantee) as grantees
     from (
       select target, grantee, string_agg(lower(privilege_type), ', ' order by privilege_type) as privileges
       from (
         select target, case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee,
                a.privilege_type
         from (select ${what} as target, ${aclSql} as acl, ${ownerSql} as owner ${from}) x
         cross join lateral aclexplode(x.acl) a
         where a.grantee <> x.owner
       ) g group by target, grantee
     ) p group by target, privileges order by target, privileges`,
  );
  const byTarget = new Map<string, string>();
  for (const grant of grants) {
    byTarget.set(grant.target, (byTarget.get(grant.target) ?? '') + `grant ${grant.privileges} on ${grant.target} to ${grant.grantees};\n`);
  }
  return byTarget;
}

/** Reads every object of our schemas (and the database-wide settings migrations change). */
async function readCatalog(client: pg.Client): Promise<SnapshotObject[]> {
  const objects: SnapshotObject[] = [];
  const add = (areaKey: string, section: number, name: string, sql: string) =>
    objects.push({ areaKey, sort: `${section}:${name}`, sql });

  // Anything the snapshot does not know how to print stops it rather than going missing.
  const unsupported = await rows<{ what: string }>(
    client,
    `select format('%s %I.%I', c.relkind, n.nspname, c.relname) as what
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${SCHEMAS} and (c.relkind not in ('r', 'p', 'i', 'I', 'v', 'S')
       or (c.relkind = 'S' and not exists (
         select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')))
     union all
     select format('type %s', t.oid::regtype) from pg_type t join pg_namespace n on n.oid = t.typnamespace
     where n.nspname in ${SCHEMAS} and t.typrelid = 0 and t.typelem = 0
     union all
     select format('function kind %s %I.%I', p.prokind, n.nspname, p.proname) from pg_proc p
     join pg_namespace n on n.oid = p.pronamespace where n.nspname in ${SCHEMAS} and p.prokind not in ('f', 'p')`,
  );
  if (unsupported.length > 0) {
    throw new Error(`schema snapshot: objects it cannot print yet: ${unsupported.map((u) => u.what).join(', ')}`);
  }

  // Schemas other than the platform's (a migration that changes public, e.g. its grants, makes it ours too).
  const schemaGrants = await grantsOf(
    client,
    "'schema ' || quote_ident(n.nspname)",
    'coalesce(n.nspacl, acldefault(\'n\', n.nspowner))',
    'n.nspowner',
    "from pg_namespace n where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'",
  );
  for (const schema of await rows<{ name: string; comment: string | null }>(
    client,
    `select quote_ident(n.nspname) as name, obj_description(n.oid, 'pg_namespace') as comment from pg_namespace n
     where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' order by 1`,
  )) {
    add(
      `schema:${schema.name}`,
      0,
      schema.name,
      `create schema ${schema.name};\n${commentOn(`schema ${schema.name}`, schema.comment)}${schemaGrants.get(`schema ${schema.name}`) ?? ''}`,
    );
  }

  for (const extension of await rows<{ name: string; schema: string }>(
    client,
    `select quote_ident(e.extname) as name, quote_ident(n.nspname) as schema from pg_extension e
     join pg_namespace n on n.oid = e.extnamespace where e.extname <> 'plpgsql' order by 1`,
  )) {
    add(`extension:${extension.name}`, 0, `~${extension.name}`, `create extension ${extension.name} with schema ${extension.schema};\n`);
  }

  // Default privileges, as what they grant now (the statements that made them cannot be read back).
  for (const acl of await rows<{ role: string; schema: string | null; kind: string; granted: string | null }>(
    client,
    `select quote_ident(pg_get_userbyid(d.defaclrole)) as role,
            case when d.defaclnamespace = 0 then null else quote_ident(d.defaclnamespace::regnamespace::text) end as schema,
            case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions'
              when 'T' then 'types' when 'n' then 'schemas' else d.defaclobjtype::text end as kind,
            (select string_agg(g.grantee || ' (' || g.privileges || ')', ', ' order by g.grantee)
             from (select case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end as grantee,
                          string_agg(lower(a.privilege_type), ', ' order by a.privilege_type) as privileges
                   from aclexplode(d.defaclacl) a where a.grantee <> d.defaclrole group by 1) g) as granted
     from pg_default_acl d order by 1, 2 nulls first, 3`,
  )) {
    const where = acl.schema === null ? 'in every schema' : `in schema ${acl.schema}`;
    add(
      `default-privileges:${acl.role}:${acl.schema}:${acl.kind}`,
      0,
      `~~${acl.role}:${acl.schema ?? ''}:${acl.kind}`,
      `-- default privileges of ${acl.role} ${where} on new ${acl.kind}: ${acl.granted === null ? 'granted to nobody but the owner' : `granted to ${acl.granted}`}\n`,
    );
  }

  // Tables: columns, constraints, indexes, comments, row level security, policies, grants.
  const tables = await rows<{ name: string; rls: boolean; force_rls: boolean; comment: string | null; options: string | null }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as name, c.relrowsecurity as rls, c.relforcerowsecurity as force_rls,
            obj_description(c.oid, 'pg_class') as comment, array_to_string(c.reloptions, ', ') as options
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${SCHEMAS} and c.relkind in ('r', 'p') order by 1`,
  );
  const columns = await rows<{
    rel: string; name: string; type: string; not_null: boolean; identity: string; generated: string;
    expr: string | null; comment: string | null;
  }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as rel, quote_ident(a.attname) as name,
            format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null, a.attidentity as identity,
            a.attgenerated as generated, pg_get_expr(d.adbin, d.adrelid) as expr, col_description(c.oid, a.attnum) as comment
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     where n.nspname in ${SCHEMAS} and c.relkind in ('r', 'p', 'v') and a.attnum > 0 and not a.attisdropped
     order by 1, a.attnum`,
  );
  const constraints = await rows<{ rel: string; name: string; def: string; comment: string | null }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as rel, quote_ident(k.conname) as name, pg_get_constraintdef(k.oid) as def,
            obj_description(k.oid, 'pg_constraint') as comment
     from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${SCHEMAS} and k.contype in ('p', 'u', 'f', 'c', 'x')
     order by 1, position(k.contype in 'pufcx'), k.conname`,
  );
  const indexes = await rows<{ rel: string; name: string; def: string; comment: string | null }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as rel, format('%I.%I', n.nspname, ic.relname) as name,
            pg_get_indexdef(i.indexrelid) as def, obj_description(i.indexrelid, 'pg_class') as comment
     from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${SCHEMAS} and not exists (
       select 1 from pg_constraint k where k.conrelid = i.indrelid and k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
     order by 1, ic.relname`,
  );
  const policies = await rows<{ rel: string; sql: string }>(
    client,
    `select format('%I.%I', p.schemaname, p.tablename) as rel,
            format('create policy %I on %I.%I as %s for %s to %s%s%s;', p.policyname, p.schemaname, p.tablename,
              lower(p.permissive), lower(p.cmd), array_to_string(p.roles, ', '),
              coalesce(' using (' || p.qual || ')', ''), coalesce(' with check (' || p.with_check || ')', '')) as sql
     from pg_policies p where p.schemaname in ${SCHEMAS} order by 1, p.policyname`,
  );
  const relationGrants = await grantsOf(
    client,
    "'table ' || format('%I.%I', n.nspname, c.relname)",
    "coalesce(c.relacl, acldefault('r', c.relowner))",
    'c.relowner',
    `from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ${SCHEMAS} and c.relkind in ('r', 'p', 'v')`,
  );
  const columnGrants = await rows<{ rel: string; sql: string }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as rel,
            format('grant %s (%I) on table %I.%I to %s;', lower(x.privilege_type), a.attname, n.nspname, c.relname,
              case when x.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(x.grantee)) end) as sql
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     cross join lateral aclexplode(a.attacl) x
     where n.nspname in ${SCHEMAS} and a.attacl is not null order by 1, 2`,
  );
  const counts = new Map<string, number>();
  for (const table of tables) {
    counts.set(table.name, Number((await rows<{ n: string }>(client, `select count(*) as n from ${table.name}`))[0].n));
  }
  const of = <T extends { rel: string }>(list: T[], rel: string) => list.filter((item) => item.rel === rel);

  for (const table of tables) {
    const lines = of(columns, table.name).map((column) => {
      let line = `  ${column.name} ${column.type}`;
      if (column.identity === 'a') line += ' generated always as identity';
      if (column.identity === 'd') line += ' generated by default as identity';
      if (column.generated === 's') line += ` generated always as (${column.expr}) stored`;
      else if (column.expr !== null) line += ` default ${column.expr}`;
      if (column.not_null) line += ' not null';
      return line;
    });
    for (const constraint of of(constraints, table.name)) lines.push(`  constraint ${constraint.name} ${constraint.def}`);
    let sql = `create table ${table.name} (\n${lines.join(',\n')}\n)${table.options ? ` with (${table.options})` : ''};\n`;
    sql += commentOn(`table ${table.name}`, table.comment);
    for (const column of of(columns, table.name)) sql += commentOn(`column ${table.name}.${column.name}`, column.comment);
    for (const constraint of of(constraints, table.name)) {
      sql += commentOn(`constraint ${constraint.name} on ${table.name}`, constraint.comment);
    }
    for (const index of of(indexes, table.name)) sql += `${index.def};\n${commentOn(`index ${index.name}`, index.comment)}`;
    if (table.rls) sql += `alter table ${table.name} enable row level security;\n`;
    if (table.force_rls) sql += `alter table ${table.name} force row level security;\n`;
    for (const policy of of(policies, table.name)) sql += `${policy.sql}\n`;
    sql += relationGrants.get(`table ${table.name}`) ?? '';
    for (const grant of of(columnGrants, table.name)) sql += `${grant.sql}\n`;
    const count = counts.get(table.name) ?? 0;
    if (count > 0) sql += `-- ${count} row(s) inserted by the migrations${table.name === 'app.settings' ? ' (below)' : ''}\n`;
    add(`relation:${table.name}`, 1, table.name, sql);
  }

  // Views.
  for (const view of await rows<{ name: string; options: string | null; def: string; comment: string | null }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as name, array_to_string(c.reloptions, ', ') as options,
            pg_get_viewdef(c.oid, true) as def, obj_description(c.oid, 'pg_class') as comment
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${SCHEMAS} and c.relkind = 'v' order by 1`,
  )) {
    let sql = `create view ${view.name}${view.options ? ` with (${view.options})` : ''} as\n${view.def.replace(/;?\s*$/, ';')}\n`;
    sql += commentOn(`view ${view.name}`, view.comment);
    for (const column of of(columns, view.name)) sql += commentOn(`column ${view.name}.${column.name}`, column.comment);
    sql += relationGrants.get(`table ${view.name}`) ?? '';
    add(`relation:${view.name}`, 2, view.name, sql);
  }

  // Functions, with their comment and grants; overloads share an area.
  const functionGrants = await grantsOf(
    client,
    "format('function %I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))",
    "coalesce(p.proacl, acldefault('f', p.proowner))",
    'p.proowner',
    `from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ${SCHEMAS}`,
  );
  for (const fn of await rows<{ name: string; signature: string; def: string; comment: string | null; kind: string }>(
    client,
    `select format('%I.%I', n.nspname, p.proname) as name,
            format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as signature,
            pg_get_functiondef(p.oid) as def, obj_description(p.oid, 'pg_proc') as comment,
            case p.prokind when 'p' then 'procedure' else 'function' end as kind
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ${SCHEMAS} and not exists (
       select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
     order by 1, 2`,
  )) {
    const sql =
      `${fn.def.trimEnd()};\n` +
      commentOn(`${fn.kind} ${fn.signature}`, fn.comment) +
      (functionGrants.get(`function ${fn.signature}`)?.replaceAll(' on function ', ` on ${fn.kind} `) ?? '');
    add(`function:${fn.name}`, 3, fn.signature, sql);
  }

  // Triggers, in the area of the migration that made them (not necessarily their table's).
  for (const trigger of await rows<{ rel: string; name: string; def: string; comment: string | null }>(
    client,
    `select format('%I.%I', n.nspname, c.relname) as rel, quote_ident(t.tgname) as name, pg_get_triggerdef(t.oid, true) as def,
            obj_description(t.oid, 'pg_trigger') as comment
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ${SCHEMAS} and not t.tgisinternal order by 1, 2`,
  )) {
    add(
      `trigger:${trigger.rel}.${trigger.name}`,
      4,
      `${trigger.rel}.${trigger.name}`,
      `${trigger.def};\n${commentOn(`trigger ${trigger.name} on ${trigger.rel}`, trigger.comment)}`,
    );
  }

  // The rows of app.settings: every tunable value, in the area of the migration that added it.
  const hasSettings = await rows<{ yes: boolean }>(client, `select to_regclass('app.settings') is not null as yes`);
  if (hasSettings[0].yes) {
    for (const setting of await rows<{ key: string; value: string; description: string }>(
      client,
      'select key, value::text as value, description from app.settings order by key',
    )) {
      const value = SECRET_SETTINGS.has(setting.key) ? null : quote(setting.value);
      const sql =
        value === null
          ? `-- ${setting.key}: a secret made per database (value not shown). ${setting.description}\n`
          : `insert into app.settings (key, value, description) values\n  (${quote(setting.key)}, ${value},\n   ${quote(setting.description)});\n`;
      add(`setting:${setting.key}`, 5, setting.key, sql);
    }
  }
  return objects;
}

const SECTIONS = ['Schemas, extensions, default privileges', 'Tables', 'Views', 'Functions', 'Triggers', 'Settings (rows of app.settings)'];

/** Rendering per area key, for noticing which migration created or changed what. */
function byAreaKey(objects: SnapshotObject[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const object of [...objects].sort((a, b) => a.sort.localeCompare(b.sort))) {
    map.set(object.areaKey, (map.get(object.areaKey) ?? '') + object.sql);
  }
  return map;
}

/**
 * Migrates the (fresh) database at `databaseUrl` file by file and returns the snapshot files:
 * file name (<area>.sql) → contents.
 */
export async function snapshotDatabase(databaseUrl: string, migrationsDir?: string): Promise<Map<string, string>> {
  let platform = new Map<string, string>();
  let previous = new Map<string, string>();
  const areaOf = new Map<string, string | null>();
  const changedBy = new Map<string, Map<string, Set<string>>>();
  let final: SnapshotObject[] = [];
  let server = '';
  await migrate({
    databaseUrl,
    migrationsDir,
    async onApplied(file, client) {
      final = await readCatalog(client);
      const now = byAreaKey(final);
      if (file === null) {
        platform = now;
        for (const key of now.keys()) areaOf.set(key, null);
        server = (await rows<{ v: string }>(client, `select current_setting('server_version') as v`))[0].v;
      } else {
        for (const [key, sql] of now) {
          const area = areaOf.get(key);
          if (area === undefined || (area === null && sql !== platform.get(key))) {
            areaOf.set(key, file);
          } else if (area !== null && sql !== previous.get(key)) {
            const byFile = changedBy.get(area) ?? new Map<string, Set<string>>();
            byFile.set(file, (byFile.get(file) ?? new Set()).add(key.replace(/^[a-z-]+:/, '')));
            changedBy.set(area, byFile);
          }
        }
      }
      previous = now;
    },
  });

  const files = new Map<string, string>();
  const perArea = new Map<string, SnapshotObject[]>();
  for (const object of final) {
    const area = areaOf.get(object.areaKey);
    if (!area) continue; // the platform's, unchanged by any migration
    perArea.set(area, [...(perArea.get(area) ?? []), object]);
  }
  for (const [migration, objects] of [...perArea].sort(([a], [b]) => a.localeCompare(b))) {
    const area = migration.slice(15, -'.sql'.length);
    const later = [...(changedBy.get(migration) ?? new Map<string, Set<string>>())]
      .map(([file, keys]) => `--   ${file}: ${[...keys].sort().join(', ')}\n`)
      .join('');
    let text =
      `-- generated by ${SNAPSHOT_COMMAND} — do not edit.\n` +
      `--\n` +
      `-- ${area}: the current definition of every object first created by the migration\n` +
      `-- ${migration}, read from the catalog of a database migrated with every file of\n` +
      `-- supabase/migrations (PGlite, PostgreSQL ${server}). Why each object exists: the block comments\n` +
      `-- in its migration, and its comment below.\n` +
      (later ? `--\n-- Changed since by:\n${later}` : '') +
      `--\n` +
      `-- To change an object: until the first production deploy, edit its migration; from then on, add a\n` +
      `-- migration. Then run ${SNAPSHOT_COMMAND} and commit this file.\n`;
    objects.sort((a, b) => a.sort.localeCompare(b.sort));
    let section = -1;
    for (const object of objects) {
      const objectSection = Number(object.sort.split(':')[0]);
      if (objectSection !== section) {
        section = objectSection;
        text += `\n-- ${'-'.repeat(97)}\n-- ${SECTIONS[section]}\n`;
      }
      text += `\n${object.sql}`;
    }
    files.set(`${area}.sql`, text);
  }
  return files;
}

/** The snapshot of the migrations in supabase/migrations (or another folder), made on an in-memory PGlite. */
export async function buildSnapshot(migrationsDir?: string): Promise<Map<string, string>> {
  const db = await startEmbeddedDatabase();
  try {
    return await snapshotDatabase(db.url, migrationsDir);
  } finally {
    await db.stop();
  }
}

/** Files of supabase/schema that differ from `files`: changed, missing or left over. */
export async function driftedFiles(files: Map<string, string>, dir = SCHEMA_DIR): Promise<string[]> {
  const present = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.sql'));
  const drifted: string[] = [];
  for (const [name, text] of files) {
    const current = present.includes(name) ? await readFile(path.join(dir, name), 'utf8') : null;
    if (current !== text) drifted.push(`supabase/schema/${name}${current === null ? ' (missing)' : ''}`);
  }
  for (const name of present) if (!files.has(name)) drifted.push(`supabase/schema/${name} (no longer made)`);
  return drifted.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildSnapshot();
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const name of await readdir(SCHEMA_DIR)) {
    if (name.endsWith('.sql') && !files.has(name)) await rm(path.join(SCHEMA_DIR, name));
  }
  for (const [name, text] of files) await writeFile(path.join(SCHEMA_DIR, name), text);
  console.log(`Wrote ${files.size} files to supabase/schema/.`);
}
