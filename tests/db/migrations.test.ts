import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { listMigrations, migrate, MigrationError } from '../../supabase/local/migrate.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../supabase/local/database.ts';
import { withSql } from '../support/clients.ts';

const brokenDir = fileURLToPath(new URL('./fixtures/broken-migrations/', import.meta.url));

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
