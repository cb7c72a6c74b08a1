import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import './backends.ts';

/**
 * Starts the local stack of a db project before its tests and stops it afterwards: PGlite for `db`,
 * a fresh database on the PostgreSQL server at DATABASE_URL for `db-postgres`. Each test file reads
 * it with `inject('stacks')` (a list, so that a file reads the same on either project).
 */
export default async function setup(project: TestProject) {
  const stacks: Stack[] = [];
  const stopAll = async () => {
    for (const stack of stacks) await stack.stop();
  };
  try {
    // No periodic jobs: the escalation tests run them themselves, with time under their control.
    const postgresUrl = process.env.DATABASE_URL;
    if (project.name === 'db-postgres' && !postgresUrl) throw new Error('db-postgres needs DATABASE_URL');
    const database = project.name === 'db-postgres' && postgresUrl ? { postgresUrl } : 'memory';
    stacks.push(await startStack({ database, seed: true, jobs: false }));
  } catch (error) {
    await stopAll();
    throw error;
  }
  project.provide(
    'stacks',
    stacks.map((stack) => ({
      backend: stack.backend,
      url: stack.url,
      anonKey: stack.anonKey,
      serviceRoleKey: stack.serviceRoleKey,
      databaseUrl: stack.databaseUrl,
      mailboxUrl: `${stack.url}/auth/v1/mailbox.json`,
    })),
  );
  return stopAll;
}
