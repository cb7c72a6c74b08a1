import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape of src/ that keeps it readable at a glance: islands grouped by feature (only folders in
 * src/islands/), no component or function longer than a screenful or two, and no source file so
 * long that it holds several concerns. A file or function may go over only with its reason listed
 * below.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/** Longest function (components included), in lines. */
const MAX_FUNCTION_LINES = 150;
/** Longest source file, in lines. */
const MAX_FILE_LINES = 300;

/** Files allowed past MAX_FILE_LINES, with the reason. */
const LONG_FILES: Record<string, string> = {};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const sources = filesUnder(SRC).filter((file) => /\.(ts|tsx|astro|css)$/.test(file));
const lineCount = (file: string) => readFileSync(path.join(ROOT, file), 'utf8').split('\n').length;

/** Every function of a .ts/.tsx file (declarations, arrows, methods) with its length in lines. */
function functionsOf(file: string): { name: string; line: number; lines: number }[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { name: string; line: number; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name =
        node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '(anonymous)');
      found.push({ name, line: start + 1, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('source layout', () => {
  it('src/islands/ holds only feature folders', () => {
    const loose = readdirSync(path.join(SRC, 'islands'), { withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => `src/islands/${entry.name}`);
    expect(loose, 'move these into the folder of their feature (booking, status, team, admin, shared)').toEqual([]);
  });

  it(`no function in src/ is longer than ${MAX_FUNCTION_LINES} lines`, () => {
    const long = sources
      .filter((file) => /\.tsx?$/.test(file))
      .flatMap((file) => functionsOf(file).map((fn) => ({ file, ...fn })))
      .filter((fn) => fn.lines > MAX_FUNCTION_LINES)
      .map((fn) => `${fn.file}:${fn.line} ${fn.name} (${fn.lines} lines)`);
    expect(long, 'split these into smaller components, hooks or functions').toEqual([]);
  });

  it(`no source file in src/ is longer than ${MAX_FILE_LINES} lines without a stated reason`, () => {
    const long = sources
      .filter((file) => !(file in LONG_FILES))
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${file} (${lines} lines)`);
    expect(long, 'split these by concern, or list them in LONG_FILES with the reason').toEqual([]);
  });

  it('every file listed as long still exists and is still long', () => {
    for (const file of Object.keys(LONG_FILES)) expect(lineCount(file), file).toBeGreaterThan(MAX_FILE_LINES);
  });
});
