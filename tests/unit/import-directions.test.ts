import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/lib, held by reading every import (static, `export … from`, `import()` and
 * `import('…')` types):
 *
 *   domain ← schemas ← api ← feature folders (booking, team, admin, posters, content, …)
 *
 * with `domain`, `text` and `i18n` leaves usable from anywhere. No folder-level cycles. And two
 * rules of the backend layer over all of src/: supabase-js is imported at run time only by
 * src/lib/api/supabase.ts, and only src/lib/api/load-supabase.ts (loadSupabase) imports an api module
 * with import(); postgrest-js alone only by src/lib/api/public-read.ts, which loads no zod. A failure
 * names the file, the import and the rule it breaks.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIB = path.join(ROOT, 'src/lib');

/**
 * What each layer below the feature folders may import, besides itself: folders of src/lib and
 * packages. Feature folders (every other folder) may import any layer and each other, but not in
 * a loop; they alone may read repository files outside src/ (content/*.json).
 */
const LAYERS: Record<string, { folders: string[]; packages: string[] }> = {
  domain: { folders: [], packages: [] },
  text: { folders: [], packages: [] },
  i18n: { folders: [], packages: [] },
  schemas: { folders: ['domain', 'text'], packages: ['zod'] },
  api: { folders: ['schemas', 'domain', 'text', 'i18n'], packages: ['zod', '@supabase/supabase-js', '@supabase/postgrest-js'] },
};

interface Import {
  /** The importing file, relative to the repository. */
  from: string;
  /** The module specifier as written. */
  specifier: string;
  /** The imported file (relative to the repository) when it is ours, else null (a package). */
  target: string | null;
  dynamic: boolean;
  typeOnly: boolean;
}

function filesUnder(dir: string, extensions: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Resolves a relative specifier to a file of ours (TypeScript's extensionless style included). */
function resolve(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const file = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find(
    (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
  );
  if (!file) throw new Error(`${path.relative(ROOT, fromFile)}: cannot resolve "${specifier}"`);
  return path.relative(ROOT, file);
}

/** The TypeScript code of a file: .ts/.tsx whole; of an .astro file its frontmatter and scripts. */
function codeOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return text;
  const frontmatter = text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** Every import of a file. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, codeOf(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Import[] = [];
  const add = (specifier: string, dynamic: boolean, typeOnly: boolean) =>
    found.push({ from: path.relative(ROOT, file), specifier, target: resolve(file, specifier), dynamic, typeOnly });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, false, node.importClause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, false, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      // A computed specifier (Pagefind's script, by URL at run time) is not a module of ours.
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text, true, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, false, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The folder of src/lib a file belongs to (`schemas` for src/lib/schemas/guide.ts). */
const folderOf = (file: string) => path.relative(LIB, path.join(ROOT, file)).split(path.sep)[0];
const describeImport = (imp: Import) => `${imp.from} imports "${imp.specifier}"${imp.dynamic ? ' with import()' : ''}`;
/** The package name of a bare specifier (`zod/mini` → zod, `@supabase/supabase-js/x` → @supabase/supabase-js). */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const libImports = filesUnder(LIB, ['.ts', '.tsx']).flatMap(importsOf);
const srcImports = filesUnder(path.join(ROOT, 'src'), ['.ts', '.tsx', '.astro']).flatMap(importsOf);

describe('import directions in src/lib', () => {
  it('finds the imports it checks', () => {
    expect(libImports.length).toBeGreaterThan(80);
    expect(libImports.filter((imp) => imp.dynamic).map((imp) => imp.from)).toContain('src/lib/api/load-supabase.ts');
  });

  it('lets each layer import only the layers below it', () => {
    const broken = libImports.flatMap((imp) => {
      const from = folderOf(imp.from);
      const rule = LAYERS[from];
      if (imp.target === null) {
        if (!rule || rule.packages.includes(packageOf(imp.specifier))) return [];
        return [`${describeImport(imp)}: ${from}/ may import only the packages [${rule.packages.join(', ')}]`];
      }
      if (!imp.target.startsWith('src/lib/')) {
        return rule ? [`${describeImport(imp)}: ${from}/ may not import files outside src/lib`] : [];
      }
      const to = folderOf(imp.target);
      if (to === from) return [];
      if (rule && !rule.folders.includes(to)) {
        return [`${describeImport(imp)}: ${from}/ may import only [${rule.folders.join(', ')}], not ${to}/`];
      }
      return [];
    });
    expect(broken).toEqual([]);
  });

  it('has no cycles between folders', () => {
    const edges = new Map<string, Map<string, Import>>();
    for (const imp of libImports) {
      if (imp.target === null || !imp.target.startsWith('src/lib/')) continue;
      const [from, to] = [folderOf(imp.from), folderOf(imp.target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, imp);
    }
    // Depth-first search; a back edge closes a cycle, reported with one import per step.
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (folder: string, trail: string[]) => {
      state.set(folder, 'open');
      for (const [next, imp] of edges.get(folder) ?? []) {
        if (state.get(next) === 'open') {
          const loop = [...trail.slice(trail.indexOf(next)), folder, next];
          const steps = loop.slice(0, -1).map((step, i) => describeImport(edges.get(step)!.get(loop[i + 1])!));
          cycles.push(`${loop.join(' → ')} (${steps.join('; ')})`);
        } else if (!state.has(next)) walk(next, [...trail, folder]);
      }
      state.set(folder, 'done');
    };
    for (const folder of edges.keys()) if (!state.has(folder)) walk(folder, []);
    expect(cycles).toEqual([]);
  });
});

describe('the backend is reached one way (all of src/)', () => {
  it('imports supabase-js at run time only in src/lib/api/supabase.ts', () => {
    const runtime = srcImports.filter(
      (imp) => packageOf(imp.specifier) === '@supabase/supabase-js' && !imp.typeOnly && imp.from !== 'src/lib/api/supabase.ts',
    );
    expect(runtime.map(describeImport)).toEqual([]);
  });

  it('imports an api module with import() only in loadSupabase (src/lib/api/load-supabase.ts)', () => {
    const dynamic = srcImports.filter(
      (imp) => imp.dynamic && imp.target?.startsWith('src/lib/api/') && imp.from !== 'src/lib/api/load-supabase.ts',
    );
    expect(dynamic.map(describeImport)).toEqual([]);
  });

  it('imports postgrest-js alone only in src/lib/api/public-read.ts, pinned to the version supabase-js uses', () => {
    const runtime = srcImports.filter(
      (imp) => packageOf(imp.specifier) === '@supabase/postgrest-js' && !imp.typeOnly && imp.from !== 'src/lib/api/public-read.ts',
    );
    expect(runtime.map(describeImport)).toEqual([]);
    // One copy of postgrest-js: the chunk the guide page loads is the one inside supabase-js.
    const manifest = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
    const pinned = manifest('package.json').dependencies['@supabase/postgrest-js'];
    const used = manifest('node_modules/@supabase/supabase-js/package.json').dependencies['@supabase/postgrest-js'];
    expect(pinned, 'package.json pins @supabase/postgrest-js to the exact version supabase-js depends on').toBe(used);
  });

  it('reads public data without zod or supabase-js: src/lib/api/public-read.ts, commune-info-read.ts and what they import at run time', () => {
    const byFile = Map.groupBy(srcImports, (imp) => imp.from);
    const seen = new Set<string>();
    const queue = ['src/lib/api/public-read.ts', 'src/lib/api/commune-info-read.ts'];
    const packages: string[] = [];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const imp of byFile.get(file) ?? []) {
        if (imp.typeOnly) continue;
        if (imp.target) queue.push(imp.target);
        else packages.push(`${describeImport(imp)}`);
      }
    }
    expect(packages.filter((line) => !line.endsWith('"@supabase/postgrest-js"'))).toEqual([]);
  });
});
