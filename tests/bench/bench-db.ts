/**
 * Fresh, migrated databases for the backend benchmarks: the embedded PGlite, and a temporary
 * database on the PostgreSQL server at DATABASE_URL when it is set (dropped afterwards).
 */
import pg from 'pg';
import { startEmbeddedDatabase } from '../../supabase/local/database.ts';
import { migrate } from '../../supabase/local/migrate.ts';

export interface BenchDatabase {
  backend: 'PGlite' | 'PostgreSQL';
  url: string;
  drop(): Promise<void>;
}

export async function benchDatabases(): Promise<BenchDatabase[]> {
  const list: BenchDatabase[] = [];
  const embedded = await startEmbeddedDatabase();
  await migrate({ databaseUrl: embedded.url });
  list.push({ backend: 'PGlite', url: embedded.url, drop: embedded.stop });
  if (process.env.DATABASE_URL) {
    const name = `tgs_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    await migrate({ databaseUrl: url.toString() });
    list.push({
      backend: 'PostgreSQL',
      url: url.toString(),
      async drop() {
        const dropper = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    });
  }
  return list;
}
