import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { listMigrations, migrate, MigrationError, MigrationHistoryError } from '../../supabase/local/migrate.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../supabase/local/database.ts';
import { withSql } from '../support/clients.ts';

const brokenDir = fileURLToPath(new URL('./fixtures/broken-migrations/', import.meta.url));
const goodDir = fileURLToPath(new URL('./fixtures/good-migrations/', import.meta.url));

describe.each(inject('stacks'))('migrations on $backend', (stack) => {
  it('recorded every migration file once, in order', async () => {
    const files = await listMigrations();
    const versions = await withSql(stack, (sql) =>
      sql.query('select version, name from supabase_migrations.schema_migrations order by version'),
    );
    expect(versions.rows.map((row) => `${row.version}_${row.name}.sql`)).toEqual(files);
  });

  it('applies nothing when run again', async () => {
    expect(await migrate({ databaseUrl: stack.databaseUrl })).toEqual([]);
  });
});

describe('a failing migration (PGlite)', () => {
  let db: EmbeddedDatabase;
  beforeAll(async () => {
    db = await startEmbeddedDatabase();
  });
  afterAll(async () => {
    await db.stop();
  });

  it('stops naming the file and the Postgres error, and leaves nothing of that file behind', async () => {
    const attempt = migrate({ databaseUrl: db.url, migrationsDir: brokenDir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(
      /20260101000100_broken\.sql failed: relation "public\.table_that_does_not_exist" does not exist/,
    );
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const tables = await client.query(
      "select table_name from information_schema.tables where table_name like 'fixture_%' order by 1",
    );
    const recorded = await client.query('select version from supabase_migrations.schema_migrations');
    await client.end();
    expect(tables.rows.map((row) => row.table_name)).toEqual(['fixture_good']);
    expect(recorded.rows.map((row) => row.version)).toEqual(['20260101000000']);
  });
});

describe('a database whose recorded migrations are no longer in the folder (PGlite)', () => {
  let db: EmbeddedDatabase;
  beforeAll(async () => {
    db = await startEmbeddedDatabase();
    await migrate({ databaseUrl: db.url, migrationsDir: goodDir });
  });
  afterAll(async () => {
    await db.stop();
  });

  async function sql(text: string) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(text);
    await client.end();
  }

  it('migrates normally while the history matches the files', async () => {
    expect(await migrate({ databaseUrl: db.url, migrationsDir: goodDir })).toEqual([]);
  });

  it('refuses to apply anything, naming the unknown files and telling to reset', async () => {
    // What an old supabase/local/.data holds after the migrations were folded: a version that is
    // gone, and a version that now belongs to a file of another name.
    await sql(`insert into supabase_migrations.schema_migrations (version, name) values ('20250101000000', 'help_request_rules')`);
    await sql(`update supabase_migrations.schema_migrations set name = 'since_renamed' where version = '20260101000100'`);
    const attempt = migrate({ databaseUrl: db.url, migrationsDir: goodDir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationHistoryError);
    await expect(attempt).rejects.toThrow(
      /2 migration\(s\) that are not in supabase\/migrations \(20250101000000_help_request_rules\.sql, 20260101000100_since_renamed\.sql\)[^]*npm start -- --reset/,
    );
  });
});
