/**
 * Applies the platform bootstrap, then every migration once and in order, then (optionally) the
 * seed, to any PostgreSQL-compatible server: the embedded PGlite or a real PostgreSQL.
 *
 * Migrations are recorded in supabase_migrations.schema_migrations, the table the Supabase CLI
 * uses, so a database is never migrated twice. Each migration runs in its own transaction; a
 * failure stops with the file name and the Postgres error. A database that records a migration no
 * longer in the folder (the history was rewritten) is refused before anything is applied.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ROOT_DIR } from './config.ts';

export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'supabase/migrations');
const BOOTSTRAP_FILE = path.join(ROOT_DIR, 'supabase/local/bootstrap.sql');
const SEED_FILE = path.join(ROOT_DIR, 'supabase/seed.sql');

/**
 * Raised when the database records migrations that supabase/migrations no longer holds (a version
 * missing, or the same version under another name): its history was rewritten since the database
 * was made, as happened when the migrations were folded into one file per concern before the first
 * production deploy. Applying the new files on top would be wrong, so nothing is applied.
 */
export class MigrationHistoryError extends Error {
  unknown: string[];
  constructor(unknown: string[]) {
    const listed = unknown.length > 3 ? `${unknown.slice(0, 3).join(', ')} and ${unknown.length - 3} more` : unknown.join(', ');
    super(
      `The database records ${unknown.length} migration(s) that are not in supabase/migrations (${listed}):\n` +
        'the migrations were rewritten since this database was made, so none is applied.\n' +
        'Start again from an empty database (the demo data is loaded again): npm start -- --reset',
    );
    this.unknown = unknown;
  }
}

/** Raised when a migration fails; the message names the file and the Postgres error. */
export class MigrationError extends Error {
  file: string;
  constructor(file: string, cause: unknown) {
    const pgMessage = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${file} failed: ${pgMessage}`);
    this.file = file;
  }
}

export interface MigrateOptions {
  /** Connection string of a superuser on the target database. */
  databaseUrl: string;
  /** Also load supabase/seed.sql (demo data) once, when the database is new. */
  seed?: boolean;
  /** Read migrations from another folder (tests use broken fixtures). */
  migrationsDir?: string;
  /** Called with a line for each applied file. */
  log?: (line: string) => void;
  /**
   * Called on the migrating connection once after the bootstrap (file null) and after each applied
   * file (its name), outside the file's transaction: the schema snapshot records there which file
   * first created or changed each object.
   */
  onApplied?: (file: string | null, client: pg.Client) => Promise<void>;
}

/** Lists migration files in apply order (their names start with a UTC timestamp). */
export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => /^\d{14}_[a-z0-9_]+\.sql$/.test(name)).sort();
}

/** Applies what is missing; returns the names of the migrations applied in this call. */
export async function migrate(options: MigrateOptions): Promise<string[]> {
  const log = options.log ?? (() => {});
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    // Simple-protocol queries only (no parameters): PGlite's socket multiplexer serves them whole.
    await client.query(await readFile(BOOTSTRAP_FILE, 'utf8'));
    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text primary key, name text, statements text[]
      );
      create table if not exists supabase_migrations.local_seed (
        seeded_at timestamptz not null default now()
      );`);
    const recorded = (
      await client.query('select version, name from supabase_migrations.schema_migrations order by version')
    ).rows as { version: string; name: string | null }[];
    const files = await listMigrations(dir);
    const unknown = recorded
      .map((row) => `${row.version}_${row.name}.sql`)
      .filter((file) => !files.includes(file));
    if (unknown.length > 0) throw new MigrationHistoryError(unknown);
    const done = new Set(recorded.map((row) => row.version));
    await options.onApplied?.(null, client);
    const applied: string[] = [];
    for (const file of files) {
      const version = file.slice(0, 14);
      if (done.has(version)) continue;
      const sql = await readFile(path.join(dir, file), 'utf8');
      const name = file.slice(15, -'.sql'.length);
      try {
        await client.query('begin');
        await client.query(sql);
        await client.query(
          `insert into supabase_migrations.schema_migrations (version, name) values ('${version}', '${name}')`,
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw new MigrationError(file, error);
      }
      applied.push(file);
      log(`  applied ${file}`);
      await options.onApplied?.(file, client);
    }
    if (options.seed) {
      const seeded = await client.query('select 1 from supabase_migrations.local_seed');
      if (seeded.rowCount === 0) {
        await client.query('begin');
        await client.query(await readFile(SEED_FILE, 'utf8'));
        await client.query('insert into supabase_migrations.local_seed default values');
        await client.query('commit');
        log('  loaded seed.sql (demo data)');
      }
    }
    return applied;
  } finally {
    await client.end();
  }
}
