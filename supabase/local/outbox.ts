/**
 * LOCAL STACK ONLY, never deployed. The local outbox: every message the notify function "sends" on
 * this machine (push payloads, emails, SMS, Zalo messages, with their outcome) and every sign-in
 * code of the auth stand-in, newest first, at `/_local/outbox/` (HTML) and `/_local/outbox.json`
 * on the stack's origin. Served by the gateway only (never part of dist/), without CORS headers, so
 * other origins cannot read it. The notify function records messages through a small server of its
 * own on 127.0.0.1 (LOCAL_OUTBOX_URL), not through the public origin.
 */
import http from 'node:http';
import { escapeHtml } from '../../src/lib/text/html.ts';

export interface OutboxEntry {
  channel: 'push' | 'email' | 'sms' | 'zalo' | 'auth';
  to: string;
  subject: string | null;
  text: string;
  payload: unknown;
  status: string;
  error: string | null;
  template: string | null;
  time: string;
}

export interface LocalOutbox {
  /** Where the notify function posts each message (127.0.0.1 only). */
  recordUrl: string;
  add(entry: Omit<OutboxEntry, 'time'> & { time?: string }): void;
  entries(): OutboxEntry[];
  /** Answers GET /_local/outbox/ and /_local/outbox.json; false for other paths. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  stop(): Promise<void>;
}

const KEEP = 2000;

function page(entries: OutboxEntry[]): string {
  const rows = entries
    .map(
      (e) => `<tr><td>${escapeHtml(e.time)}</td><td>${escapeHtml(e.channel)}</td><td>${escapeHtml(e.to)}</td>` +
        `<td>${e.subject ? `<strong>${escapeHtml(e.subject)}</strong><br>` : ''}${escapeHtml(e.text).replace(/\n/g, '<br>')}` +
        `${e.payload ? `<pre>${escapeHtml(JSON.stringify(e.payload, null, 1))}</pre>` : ''}</td>` +
        `<td>${escapeHtml(e.status)}${e.error ? `<br>${escapeHtml(e.error)}` : ''}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Local outbox</title>
<style>body{font:16px system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4rem;vertical-align:top;text-align:left}pre{white-space:pre-wrap;margin:.3rem 0 0;font-size:13px}</style>
</head><body><h1>Local outbox</h1>
<p>Local stack only: what the notify function sent (push, email, SMS, Zalo) and the auth stand-in's sign-in codes, newest first. JSON: <a href="/_local/outbox.json">/_local/outbox.json</a>.</p>
<table><thead><tr><th>Time</th><th>Channel</th><th>To</th><th>Text / payload</th><th>Status</th></tr></thead><tbody>
${rows || '<tr><td colspan="5">Nothing yet.</td></tr>'}
</tbody></table></body></html>`;
}

export async function startLocalOutbox(): Promise<LocalOutbox> {
  const list: OutboxEntry[] = [];
  const add: LocalOutbox['add'] = (entry) => {
    list.unshift({ ...entry, time: entry.time ?? new Date().toISOString() });
    if (list.length > KEEP) list.length = KEEP;
  };

  // The notify function's mirror (supabase/functions/_shared/deliver.ts) posts here.
  const recorder = http.createServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        const m = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        add({
          channel: m.channel as OutboxEntry['channel'],
          to: String(m.to ?? ''),
          subject: (m.subject as string | null) ?? null,
          text: String(m.text ?? ''),
          payload: m.payload ?? null,
          status: String(m.status ?? ''),
          error: (m.error as string | null) ?? null,
          template: (m.template as string | null) ?? null,
        });
        res.writeHead(204).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  const address = recorder.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    recordUrl: `http://127.0.0.1:${port}/`,
    add,
    entries: () => [...list],
    handle(req, res) {
      const pathname = (req.url ?? '/').split('?')[0];
      if (pathname !== '/_local/outbox.json' && pathname !== '/_local/outbox/' && pathname !== '/_local/outbox') return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return true;
      }
      if (pathname === '/_local/outbox') {
        res.writeHead(301, { location: '/_local/outbox/' }).end();
        return true;
      }
      const json = pathname.endsWith('.json');
      res.writeHead(200, {
        'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-robots-tag': 'noindex',
      });
      res.end(json ? JSON.stringify(list) : page(list));
      return true;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        recorder.closeAllConnections();
        recorder.close(() => resolve());
      }),
  };
}
