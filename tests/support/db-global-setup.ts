import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../../supabase/local/stack.ts';
import './backends.ts';

/**
 * Starts one local stack per backend before the db tests and stops them afterwards. Each test file
 * reads them with `inject('stacks')` and runs its cases on every backend.
 */
export default async function setup(project: TestProject) {
  const stacks: Stack[] = [];
  const stopAll = async () => {
    for (const stack of stacks) await stack.stop();
  };
  try {
    // No periodic jobs: the escalation tests run them themselves, with time under their control.
    stacks.push(await startStack({ database: 'memory', seed: true, jobs: false }));
    if (process.env.DATABASE_URL) {
      stacks.push(await startStack({ database: { postgresUrl: process.env.DATABASE_URL }, seed: true, jobs: false }));
    }
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
