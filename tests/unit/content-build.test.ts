import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The real Astro content sync on a copy of the site with one broken guide added: it must fail and
 * name the file and the field, so a bad edit never reaches a deploy.
 */
describe('astro sync with a broken guide', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgs-content-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails naming the file and the field', async () => {
    for (const name of ['src', 'node_modules', 'public']) symlinkSync(path.join(root, name), path.join(dir, name));
    for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) {
      copyFileSync(path.join(root, name), path.join(dir, name));
    }
    cpSync(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
    copyFileSync(
      fileURLToPath(new URL('./fixtures/broken-guides/no-steps.md', import.meta.url)),
      path.join(dir, 'content/guides/vssid/broken.md'),
    );
    const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
    const outcome = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        [astro, 'sync'],
        { cwd: dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' } },
        (error, stdout, stderr) =>
          resolve({ code: error ? (error.code as number) : 0, output: stripVTControlCharacters(stdout + stderr) }),
      );
    });
    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toContain('guides → vssid/broken data does not match collection schema');
    expect(outcome.output).toContain('steps: Cần ít nhất 2 bước, hoặc các bước chung cộng các cách (ways) từ 2 trở lên');
    expect(outcome.output).toContain('content/guides/vssid/broken.md');
  }, 60_000);
});
