import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

/**
 * Why the local stack leaves PGlite's fsync off (README, "Where the SQL is"; issue 16 point 12):
 * PGlite starts PostgreSQL with -F, and its Node file system (Emscripten NODEFS) implements no
 * fsync, so turning fsync on would only claim a durability it cannot give. When a PGlite upgrade
 * changes either fact, this fails: then remove -F in supabase/local/database.ts (startParams),
 * measure a booking, and update the README.
 */
describe('PGlite durability on Node', () => {
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));

  it('starts PostgreSQL with fsync off (-F) by default', () => {
    expect((PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams).toContain('-F');
  });

  it('has a Node file system that never syncs to disk', () => {
    const bundle = readFileSync(path.join(dist, 'pglite.js'), 'utf8');
    expect(bundle).toContain('NODEFS');
    expect(bundle).not.toMatch(/fsyncSync|fdatasyncSync/);
  });
});
