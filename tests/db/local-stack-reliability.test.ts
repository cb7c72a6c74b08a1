import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStack } from '../../supabase/local/stack.ts';
import { DataFolderError } from '../../supabase/local/database.ts';

/**
 * The local stack as an operator meets it (issue 16 points 9–11): PostgREST killed under a running
 * stack, the stack itself killed with SIGKILL, and a data folder that cannot be written. Each case
 * starts its own stack (in-memory PGlite, no seed), apart from the shared ones of the db tests.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const answers = (url: string) => fetch(url).then(() => true, () => false);

describe('the local stack keeps serving and cleans up after itself', () => {
  it('restarts PostgREST after kill -9, logs the exit, and answers 503 (never 502) meanwhile', async () => {
    const lines: string[] = [];
    const stack = await startStack({ database: 'memory', seed: false, jobs: false, log: (line) => lines.push(line) });
    try {
      const call = () =>
        fetch(`${stack.url}/rest/v1/rpc/portal_stats`, {
          method: 'POST',
          headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
          body: '{}',
        });
      expect((await call()).status).toBe(200);
      const first = stack.postgrestPid()!;
      process.kill(first, 'SIGKILL');
      const statuses: number[] = [];
      await until(async () => {
        const res = await call();
        statuses.push(res.status);
        if (res.status !== 200) expect(await res.json()).toMatchObject({ message: 'service_unavailable' });
        return res.status === 200;
      }, 15_000);
      expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
      expect(stack.postgrestPid()).not.toBe(first);
      expect(lines.join('\n')).toMatch(/PostgREST exited unexpectedly \(signal SIGKILL\)/);
      await until(() => lines.some((line) => line.startsWith('PostgREST is running again')), 5000);
    } finally {
      await stack.stop();
    }
  });

  it('does not leave PostgREST running when the stack process is killed with SIGKILL', async () => {
    const pidFile = path.join(mkdtempSync(path.join(tmpdir(), 'tgs-stack-')), 'stack.pids.json');
    const child = spawn(process.execPath, ['--experimental-strip-types', path.join(ROOT, 'tests/support/stack-child.ts'), pidFile], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ postgrestUrl: string; postgrestPid: number }>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const line = text.split('\n').find((l) => l.startsWith('{'));
        if (line) resolve(JSON.parse(line));
      });
      child.once('exit', (code) => reject(new Error(`the stack exited first (${code})`)));
    });
    expect(await answers(started.postgrestUrl)).toBe(true);
    // The pidfile names the stack and its PostgREST, for the next start.
    expect(JSON.parse(readFileSync(pidFile, 'utf8'))).toMatchObject({
      stackPid: child.pid,
      children: [{ name: 'PostgREST', pid: started.postgrestPid }],
    });
    child.kill('SIGKILL');
    await until(async () => !alive(started.postgrestPid) && !(await answers(started.postgrestUrl)), 10_000);
  });

  it('says which data folder is not writable and what to do, without a stack trace', async () => {
    // A folder that cannot be written: read-only permissions; as root, who ignores them, a
    // read-only tmpfs mounted there, or else a path below a regular file.
    let folder = mkdtempSync(path.join(tmpdir(), 'tgs-ro-'));
    let mounted = false;
    chmodSync(folder, 0o555);
    if (writable(folder)) {
      mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro', 'tmpfs', folder]).status === 0;
      if (!mounted) {
        writeFileSync(path.join(folder, 'file'), '');
        folder = path.join(folder, 'file', 'data');
      }
    }
    try {
      await checkUnwritableFolder(folder);
    } finally {
      if (mounted) spawnSync('umount', [folder]);
    }
  });
});

function writable(folder: string): boolean {
  try {
    writeFileSync(path.join(folder, 'probe'), '');
    return true;
  } catch {
    return false;
  }
}

/** The stack refuses the folder, and `npm start` says which one and what to do, then exits 1. */
async function checkUnwritableFolder(folder: string): Promise<void> {
  await expect(startStack({ database: { dataDir: folder }, seed: false, jobs: false })).rejects.toThrow(DataFolderError);
  const run = spawnSync(process.execPath, ['--experimental-strip-types', 'supabase/local/start.ts', '--data-dir', folder, '--port', '0'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`The local database folder ${folder} is not writable`);
  expect(run.stderr).toMatch(/--data-dir|--memory/);
  expect(run.stderr).not.toMatch(/PGlite failed|\n\s+at /);
  expect(existsSync(path.join(folder, 'PG_VERSION'))).toBe(false);
}
