import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { islandModules } from '../../src/integrations/modulepreload.ts';

/** A built site in a temp folder: an island, its renderer, their chunks, a lazy chunk. */
function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tgs-modulepreload-'));
  mkdirSync(path.join(dir, '_astro'));
  const files: Record<string, string> = {
    // Vite leaves a comment where a CSS import was: the import after it is still followed.
    'Form.js': 'import{a}from"./shared.js";/* empty css */import"./style.js";const l=()=>import("./lazy.js");export default a;',
    'client.js': 'import{r}from"./react.js";export{r};',
    'shared.js': 'export const a=1;',
    'style.js': '',
    'react.js': 'export const r=1;',
    'lazy.js': 'import"./deep.js";',
    'deep.js': '',
    'Later.js': 'import"./later-chunk.js";',
    'later-chunk.js': '',
  };
  for (const [name, code] of Object.entries(files)) writeFileSync(path.join(dir, '_astro', name), code);
  return dir;
}

const island = (client: string, component: string) =>
  `<astro-island uid="1" component-url="/_astro/${component}" renderer-url="/_astro/client.js" client="${client}"></astro-island>`;

describe('islandModules (modulepreload after the build)', () => {
  it('lists a client:load island, its renderer and their static imports, not lazy chunks', () => {
    const urls = islandModules(site(), `<html><head></head><body>${island('load', 'Form.js')}</body></html>`);
    expect(urls.sort()).toEqual(
      ['/_astro/Form.js', '/_astro/client.js', '/_astro/react.js', '/_astro/shared.js', '/_astro/style.js'].sort(),
    );
  });

  it('leaves islands hydrated later (client:visible) and pages without islands alone', () => {
    const dir = site();
    expect(islandModules(dir, `<body>${island('visible', 'Later.js')}</body>`)).toEqual([]);
    expect(islandModules(dir, '<body><p>No island</p></body>')).toEqual([]);
  });

  it('includes client:only islands', () => {
    expect(islandModules(site(), island('only', 'Form.js'))).toContain('/_astro/Form.js');
  });
});
