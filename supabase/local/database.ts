/**
 * The embedded database of the local stack: PGlite (PostgreSQL compiled to WebAssembly), served over
 * the PostgreSQL wire protocol by pglite-socket so that PostgREST and `pg` connect to it like to any
 * server. pglite-socket multiplexes many client connections over PGlite's single session: while one
 * client is inside a transaction, the others wait (see tests/db/pglite-multiplexer.test.ts).
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  /** Connection string for the superuser (postgres) on the socket server. */
  url: string;
  /** Connection string that PostgREST uses (role authenticator). */
  authenticatorUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder to persist the database in; omit for an in-memory database (tests). */
  dataDir?: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Most client connections served at once by the multiplexer. */
  maxConnections?: number;
}

/** Starts PGlite and its socket server on 127.0.0.1. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir: options.dataDir,
    extensions: { cube },
  });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 32,
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    authenticatorUrl: `postgres://authenticator@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
