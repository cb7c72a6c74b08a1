/**
 * The database backends the db tests run on: always the embedded PGlite (project `db`), plus the
 * PostgreSQL server at DATABASE_URL when it is set (project `db-postgres`; CI sets it). Each backend
 * gets a whole local stack (PostgREST + auth stand-in) started once by its project's
 * tests/support/db-global-setup.ts; the two projects run side by side.
 */
export interface StackInfo {
  backend: 'pglite' | 'postgres';
  /** Single origin: /rest/v1 and /auth/v1 live under it. */
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Superuser connection string, for tests that inspect or prepare tables directly. */
  databaseUrl: string;
  /** Where the test can read the codes the auth stand-in "sent" (GET, JSON). */
  mailboxUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stacks: StackInfo[];
  }
}
