/**
 * The embedded database of the local stack: PGlite (PostgreSQL compiled to WebAssembly), served over
 * the PostgreSQL wire protocol by pglite-socket so that PostgREST and `pg` connect to it like to any
 * server. pglite-socket multiplexes many client connections over PGlite's single session: while one
 * client is inside a transaction, the others wait (see tests/db/pglite-multiplexer.test.ts).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  /** Connection string for the superuser (postgres) on the socket server. */
  url: string;
  /** Connection string that PostgREST uses (role authenticator). */
  authenticatorUrl: string;
  port: number;
  /** A copy of the whole database (PGlite's data folder as a tarball), for `loadDataDir`. */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder to persist the database in; omit for an in-memory database (tests). */
  dataDir?: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Most client connections served at once by the multiplexer. */
  maxConnections?: number;
  /** Start in memory from this copy of a database (`dump()` of another one) instead of an empty one. */
  loadDataDir?: Blob;
}

/** Raised when the data folder cannot be written; the message says which path and what to do. */
export class DataFolderError extends Error {}

/**
 * Makes sure PGlite can write its folder before starting it: a read-only folder used to end in
 * "PGlite failed to initialize properly" and a WebAssembly stack trace. Creating the folder and a
 * probe file catches permissions, read-only mounts and a full disk alike (root ignores permission
 * bits, so the probe, not access(), is the test).
 */
export async function checkWritable(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.write-probe-${process.pid}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, 'probe');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const reason =
      code === 'ENOSPC' ? 'the disk is full' : code === 'EROFS' ? 'it is on a read-only file system' : `writing failed (${code})`;
    throw new DataFolderError(
      `The local database folder ${path.resolve(dataDir)} is not writable: ${reason}.\n` +
        'Make it writable (e.g. chmod -R u+w on it, or free disk space), or start with another folder\n' +
        '(npm start -- --data-dir /path/to/folder) or with a database in memory (npm start -- --memory).',
    );
  }
}

/** Starts PGlite and its socket server on 127.0.0.1. */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  if (options.dataDir) await checkWritable(options.dataDir);
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
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
    dump: () => db.dumpDataDir('none'),
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
