/**
 * A local stack in a process of its own, for tests/db/local-stack-reliability.test.ts, which kills
 * it with SIGKILL: in-memory database, no seed, no jobs; the pidfile path comes as the first
 * argument. Prints one JSON line {postgrestUrl, postgrestPid} once it serves, then waits.
 */
import { startStack } from '../../supabase/local/stack.ts';

const stack = await startStack({ database: 'memory', seed: false, jobs: false, pidFile: process.argv[2] });
console.log(JSON.stringify({ postgrestUrl: stack.postgrestUrl, postgrestPid: stack.postgrestPid() }));
setInterval(() => {}, 60_000);
