/**
 * Tells the database the real guide codes (the `code` of every file in content/guides), so that
 * feedback and other RPCs that name a guide accept only published guides (app.guide_codes,
 * app.is_known_guide_code(), migration 20261128000900_guide_feedback.sql).
 *
 * - The local stack calls `syncGuideCodesSql()` after the migrations, on every start.
 * - On a Supabase project, after each deploy of the site, run
 *     SUPABASE_URL=https://<ref>.supabase.co SUPABASE_SERVICE_ROLE_KEY=<key> npm run db:guide-codes
 *   which calls the service_role-only RPC `sync_guide_codes` with the same list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parse } from 'yaml';
import { ROOT_DIR } from './config.ts';

const GUIDES_DIR = path.join(ROOT_DIR, 'content/guides');

/** The `code` of every guide file (content/guides/<platform>/<slug>.md), sorted. */
export function readGuideCodes(dir = GUIDES_DIR): string[] {
  const codes = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      const code = match ? (parse(match[1]) as { code?: unknown })?.code : undefined;
      if (typeof code !== 'string' || !/^[a-z0-9]{2,8}$/.test(code)) {
        throw new Error(`${path.relative(ROOT_DIR, file)}: no valid guide code in its frontmatter`);
      }
      return code;
    });
  return [...new Set(codes)].sort();
}

/** Fills app.guide_codes through a superuser connection (simple protocol, as PGlite's socket wants). */
export async function syncGuideCodesSql(databaseUrl: string, codes = readGuideCodes()): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Codes match ^[a-z0-9]{2,8}$ (checked above and again in SQL), so quoting is safe.
    const literal = JSON.stringify(codes).replaceAll("'", "''");
    const result = await client.query(`select public.sync_guide_codes('${literal}'::jsonb) as answer`);
    return result.rows[0].answer.codes as number;
  } finally {
    await client.end();
  }
}

/** Calls sync_guide_codes on a Supabase project through its Data API with the service_role key. */
export async function syncGuideCodesRemote(url: string, serviceRoleKey: string, codes = readGuideCodes()): Promise<number> {
  const res = await fetch(`${url.replace(/\/$/, '')}/rest/v1/rpc/sync_guide_codes`, {
    method: 'POST',
    headers: { apikey: serviceRoleKey, authorization: `Bearer ${serviceRoleKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ codes }),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`sync_guide_codes answered ${res.status}: ${body}`);
  return (JSON.parse(body) as { codes: number }).codes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.SUPABASE_URL;
  const key = process.env.SUPABASE_SERVICE_ROLE_KEY;
  if (!url || !key) {
    console.error('Set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY (Project Settings → API) to sync the guide codes.');
    process.exit(1);
  }
  const count = await syncGuideCodesRemote(url, key);
  console.log(`The database now knows ${count} guide codes.`);
}
