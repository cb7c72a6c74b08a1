import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanUpLeftovers, StackRunningError, supervise } from '../../supabase/local/supervise.ts';

/**
 * Supervision of the local stack's children (supabase/local/supervise.ts), with small Node
 * children standing in for PostgREST; tests/db/local-stack-reliability.test.ts does the same with
 * the real PostgREST of a started stack.
 */
const node = process.execPath;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const until = async (check: () => boolean, ms = 8000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('supervise', () => {
  it('logs an unexpected exit with its signal, and restarts the child', async () => {
    const lines: string[] = [];
    const supervised = await supervise({
      name: 'Sleeper',
      command: node,
      args: ['-e', 'console.log("serving"); setInterval(() => {}, 1000)'],
      log: (line) => lines.push(line),
      backoffMs: [20],
      // Ready once it has said so (as PostgREST is ready once it answers HTTP).
      ready: (child) => new Promise((resolve) => child.stdout!.once('data', resolve)),
    });
    const first = supervised.child.pid!;
    process.kill(first, 'SIGKILL');
    await until(() => supervised.child.pid !== first && supervised.child.pid !== undefined && alive(supervised.child.pid));
    expect(supervised.restarts).toBe(1);
    expect(lines.join('\n')).toMatch(/Sleeper exited unexpectedly \(signal SIGKILL\); last output:\n {2}serving/);
    await supervised.stop();
    expect(alive(supervised.child.pid!)).toBe(false);
  });

  it('gives up when the child keeps dying, reporting its exit code and last output', async () => {
    const lines: string[] = [];
    let gaveUp: Error | undefined;
    const supervised = await supervise({
      name: 'Crasher',
      command: node,
      args: ['-e', 'console.error("FATAL: cannot bind"); process.exit(3)'],
      log: (line) => lines.push(line),
      backoffMs: [10],
      maxRestarts: 2,
      onGiveUp: (error) => (gaveUp = error),
    });
    await until(() => gaveUp !== undefined);
    expect(gaveUp?.message).toMatch(/Crasher died 3 times within 60 s; giving up \(code 3\)/);
    expect(lines.filter((line) => line.includes('exited unexpectedly (code 3); last output:\n  FATAL: cannot bind'))).toHaveLength(3);
    expect(supervised.restarts).toBe(2);
    await supervised.stop();
  });

  it('stops the child when the supervising process is killed with SIGKILL (watchdog)', async () => {
    // A Node process supervising a sleeper; it prints the sleeper's pid, then is killed -9.
    const script = `
      const { supervise } = await import(${JSON.stringify(path.resolve('supabase/local/supervise.ts'))});
      const s = await supervise({ name: 'Sleeper', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'] });
      console.log(s.child.pid);
      setInterval(() => {}, 1000);`;
    const parent = spawn(node, ['--experimental-strip-types', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childPid = await new Promise<number>((resolve) => parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    expect(alive(childPid)).toBe(true);
    parent.kill('SIGKILL');
    await until(() => !alive(childPid), 8000);
  });
});

describe('clean-up of leftovers from a pidfile', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tgs-pids-'));

  it('stops a recorded child still running, leaves other processes alone, and deletes the file', async () => {
    const leftover = spawn(node, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const bystander = spawn('sleep', ['30'], { stdio: 'ignore' });
    const file = path.join(folder, 'a.pids.json');
    writeFileSync(file, JSON.stringify({
      stackPid: 2 ** 22 + 12345, // gone
      children: [
        { name: 'PostgREST', pid: leftover.pid, command: node },
        // Recorded as PostgREST, but that pid now runs something else: never killed.
        { name: 'PostgREST', pid: bystander.pid, command: '/usr/lib/postgrest' },
      ],
    }));
    const done = cleanUpLeftovers(file);
    expect(done).toEqual([`Stopped a PostgREST left running by a previous start (process ${leftover.pid}).`]);
    await until(() => leftover.exitCode !== null || leftover.signalCode !== null);
    expect(alive(bystander.pid!)).toBe(true);
    expect(existsSync(file)).toBe(false);
    bystander.kill();
  });

  it('refuses to start while the stack recorded there is still running', () => {
    const other = spawn(node, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const file = path.join(folder, 'b.pids.json');
    writeFileSync(file, JSON.stringify({ stackPid: other.pid, children: [] }));
    try {
      expect(() => cleanUpLeftovers(file)).toThrow(StackRunningError);
      expect(readFileSync(file, 'utf8')).toContain(String(other.pid));
    } finally {
      other.kill();
    }
  });
});
