/** Reads the Markdown guides and JSON lists of content/ the way the site's collections do. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const CONTENT_DIR = fileURLToPath(new URL('../../content/', import.meta.url));

export interface GuideFile {
  /** Path relative to content/, e.g. guides/vssid/quen-mat-khau.md */
  file: string;
  /** Folder name = platform id. */
  folder: string;
  /** File name without .md = URL slug. */
  slug: string;
  frontmatter: unknown;
  body: string;
}

/** Splits a Markdown file into its YAML frontmatter and body. */
export function splitFrontmatter(text: string): { frontmatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('missing frontmatter');
  return { frontmatter: parse(match[1]), body: match[2] };
}

export function readGuideFiles(dir = path.join(CONTENT_DIR, 'guides')): GuideFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(path.join(dir, folder.name))
        .filter((name) => name.endsWith('.md'))
        .map((name) => {
          const text = readFileSync(path.join(dir, folder.name, name), 'utf8');
          return {
            file: `guides/${folder.name}/${name}`,
            folder: folder.name,
            slug: name.slice(0, -3),
            ...splitFrontmatter(text),
          };
        }),
    );
}

export function readJson(name: string): unknown {
  return JSON.parse(readFileSync(path.join(CONTENT_DIR, name), 'utf8'));
}
