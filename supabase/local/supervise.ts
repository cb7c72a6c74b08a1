/**
 * Supervision of the local stack's child processes (PostgREST; any other child the same way):
 *
 * - an exit nobody asked for is logged with its code or signal and the child's last output lines,
 *   and the child is started again after a growing pause (250 ms, 500 ms, 1 s, 2 s, 4 s);
 * - when it dies more than `maxRestarts` times within `windowMs`, supervision gives up and calls
 *   `onGiveUp` (`npm start` then stops and exits non-zero) instead of restarting forever;
 * - a child never outlives the stack: a tiny `sh` watchdog per child (not on Windows) kills it
 *   when the stack's process is gone, even after `kill -9`; and a pidfile (optional) records the
 *   children so that the next start kills a leftover before it starts its own (cleanUpLeftovers).
 *
 * A dead PostgREST used to be silent and permanent (the gateway answered 502 to every call), and
 * kept listening after `kill -9` of the stack, across the next `npm start`.
 */
import { spawn, execFileSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SuperviseOptions {
  /** Shown in log lines: "PostgREST exited …". */
  name: string;
  command: string;
  args?: string[];
  /** env, cwd …; stdio is always piped (output is kept for the exit report). */
  spawnOptions?: Omit<SpawnOptions, 'stdio'>;
  /** Resolves once a fresh instance serves (e.g. answers HTTP); rejects when it does not. */
  ready?: (child: ChildProcess, output: () => string) => Promise<void>;
  log?: (line: string) => void;
  /** Echo the child's output, prefixed with its name. */
  verbose?: boolean;
  /** Restarts allowed within windowMs before giving up (default 5 in 60 s). */
  maxRestarts?: number;
  windowMs?: number;
  /** Pauses before the 1st, 2nd … restart; the last one repeats. */
  backoffMs?: number[];
  /** Called once when supervision gives up; the child is not started again. */
  onGiveUp?: (error: Error) => void;
  /** Kill the child when this process dies, even by SIGKILL (default true; never on Windows). */
  watchdog?: boolean;
  /** Record the running child here, so that the next start can clean up a leftover. */
  pidFile?: string;
}

export interface Supervised {
  /** The running instance (changes at each restart). */
  readonly child: ChildProcess;
  readonly restarts: number;
  stop(): Promise<void>;
}

const OUTPUT_LINES = 20;
const DEFAULT_BACKOFF = [250, 500, 1000, 2000, 4000];

/** Starts the child, waits until it is ready, and keeps it running until stop(). */
export async function supervise(options: SuperviseOptions): Promise<Supervised> {
  const log = options.log ?? ((line: string) => console.error(line));
  const maxRestarts = options.maxRestarts ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF;
  let child!: ChildProcess;
  let stopping = false;
  let gaveUp = false;
  let restarts = 0;
  let recentExits: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lines: string[] = [];
  const output = () => lines.join('\n');

  const launch = async (): Promise<void> => {
    lines = [];
    const current = spawn(options.command, options.args ?? [], { ...options.spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    child = current;
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      lines = [...lines, ...text.split('\n').filter((line) => line.trim() !== '')].slice(-OUTPUT_LINES);
      if (options.verbose) process.stderr.write(`[${options.name}] ${text}`);
    };
    current.stdout?.on('data', collect);
    current.stderr?.on('data', collect);
    current.once('exit', (code, signal) => onExit(current, code, signal));
    if (current.pid !== undefined) {
      if (options.watchdog !== false) startWatchdog(current.pid);
      if (options.pidFile) recordChild(options.pidFile, options.name, current.pid, options.command);
    }
    if (options.ready) {
      try {
        await options.ready(current, output);
      } catch (error) {
        current.kill('SIGKILL');
        throw error;
      }
    }
  };

  const onExit = (exited: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (options.pidFile && exited.pid !== undefined) forgetChild(options.pidFile, exited.pid);
    if (stopping || gaveUp || exited !== child) return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const tail = lines.length > 0 ? `; last output:\n  ${lines.join('\n  ')}` : '; no output';
    log(`${options.name} exited unexpectedly (${how})${tail}`);
    const now = Date.now();
    recentExits = [...recentExits.filter((at) => at > now - windowMs), now];
    if (recentExits.length > maxRestarts) {
      gaveUp = true;
      const error = new Error(`${options.name} died ${recentExits.length} times within ${Math.round(windowMs / 1000)} s; giving up (${how}).`);
      log(error.message);
      options.onGiveUp?.(error);
      return;
    }
    const pause = backoff[Math.min(recentExits.length - 1, backoff.length - 1)];
    log(`Restarting ${options.name} in ${pause} ms…`);
    timer = setTimeout(() => {
      timer = undefined;
      if (stopping) return;
      restarts++;
      launch().then(
        () => log(`${options.name} is running again (pid ${child.pid}).`),
        // The failed instance was killed; its exit schedules the next try or gives up.
        (error: unknown) => log(`${options.name} did not start again: ${error instanceof Error ? error.message : error}`),
      );
    }, pause);
  };

  try {
    await launch();
  } catch (error) {
    // The first start failed: report it to the caller, never restart.
    gaveUp = true;
    throw error;
  }

  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      const current = child;
      if (current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise((resolve) => current.once('exit', resolve));
      current.kill('SIGTERM');
      const kill = setTimeout(() => current.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(kill);
    },
  };
}

/**
 * A detached `sh` loop that checks once a second whether this process and the child are alive;
 * when this process is gone (crashed, kill -9) it stops the child (TERM, then KILL after 3 s). It
 * ends by itself when the child ends. Costs one shell and one `sleep` a second.
 */
function startWatchdog(childPid: number): void {
  if (process.platform === 'win32') return;
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
    'if kill -0 "$2" 2>/dev/null; then kill -TERM "$2" 2>/dev/null; sleep 3; kill -KILL "$2" 2>/dev/null; fi';
  const watchdog = spawn('/bin/sh', ['-c', script, 'watchdog', String(process.pid), String(childPid)], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.on('error', () => {});
  watchdog.unref();
}

// ---------------------------------------------------------------------------------------------
// Pidfile: which stack process and which children were running on a data folder.

interface PidFileContent {
  stackPid: number;
  children: { name: string; pid: number; command: string }[];
}

function readPidFile(file: string): PidFileContent | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PidFileContent;
  } catch {
    return null;
  }
}

function writePidFile(file: string, content: PidFileContent): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(content, null, 2));
  renameSync(temporary, file);
}

function recordChild(file: string, name: string, pid: number, command: string): void {
  const content = readPidFile(file);
  const children = content?.stackPid === process.pid ? content.children : [];
  writePidFile(file, { stackPid: process.pid, children: [...children.filter((c) => c.pid !== pid), { name, pid, command }] });
}

function forgetChild(file: string, pid: number): void {
  const content = readPidFile(file);
  if (!content || content.stackPid !== process.pid) return;
  writePidFile(file, { ...content, children: content.children.filter((c) => c.pid !== pid) });
}

/** The command line of a running process, or null when it is not running (or unknown here). */
function commandLineOf(pid: number): string | null {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive but not ours; treat as unknown rather than killing it.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? '' : null;
  }
  try {
    if (existsSync(`/proc/${pid}/cmdline`)) return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

/** Raised when another live stack process is using the same data folder. */
export class StackRunningError extends Error {}

/**
 * Reads the pidfile of a previous run: refuses to start when that stack process is still alive
 * (two processes must never open one PGlite folder), kills each recorded child still running
 * whose command line still names its program (a PostgREST left by a crashed stack), and deletes
 * the file. Returns a line per child cleaned up.
 */
export function cleanUpLeftovers(file: string): string[] {
  const content = readPidFile(file);
  if (!content) return [];
  const stack = content.stackPid !== process.pid ? commandLineOf(content.stackPid) : null;
  if (stack && /\bnode\b|start\.ts|vitest/.test(stack)) {
    throw new StackRunningError(
      `Another local stack (process ${content.stackPid}) is using this data folder (pidfile ${file}).\n` +
        'Stop it first (Ctrl-C in its terminal). If no stack is running, delete that file and start again.',
    );
  }
  const done: string[] = [];
  for (const leftover of content.children) {
    const line = commandLineOf(leftover.pid);
    if (!line || !line.includes(path.basename(leftover.command))) continue;
    try {
      process.kill(leftover.pid, 'SIGKILL');
      done.push(`Stopped a ${leftover.name} left running by a previous start (process ${leftover.pid}).`);
    } catch {
      // gone meanwhile
    }
  }
  rmSync(file, { force: true });
  return done;
}
