/**
 * One origin for the browser, as a Supabase project has: the built static site, plus
 * `/rest/v1/*` (PostgREST), `/auth/v1/*` (the local auth stand-in) and `/functions/v1/*` (the Edge
 * Functions under Deno, supabase/local/functions.ts) on the same port; and, local only,
 * `/_local/outbox/` and `/_local/outbox.json` (supabase/local/outbox.ts), never with CORS headers.
 */
import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import { createProxyServer } from 'http-proxy-3';
import sirv from 'sirv';
import type { AuthStandIn } from './auth-standin.ts';
import type { LocalOutbox } from './outbox.ts';

export interface GatewayOptions {
  port: number;
  postgrestUrl: string;
  auth: AuthStandIn;
  /** Folder of the built site (dist/); when missing, a short notice is served instead. */
  siteDir: string;
  /** The operator's log (server errors of PostgREST, in full). */
  log?: (line: string) => void;
  /** The local outbox pages (/_local/outbox/), when the stack runs them. */
  outbox?: LocalOutbox;
  /** The Edge Functions' server, once started (/functions/v1/<name> is proxied there). */
  functionsUrl?: () => string | null;
}

export interface Gateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'authorization, apikey, content-type, prefer, accept-profile, content-profile, range, x-client-info, x-supabase-api-version',
  'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'access-control-expose-headers': 'content-range, x-supabase-api-version',
};

/**
 * Routes of the local stack only (the stand-in's mailbox of sign-in codes, the local outbox): no CORS headers, so a
 * web page open in the developer's browser cannot read them, and only for a local host name, so a
 * DNS-rebinding page cannot either. Supabase has no such routes.
 */
const LOCAL_ONLY = /^\/(auth\/v1\/mailbox(\.json)?\/?(\?|$)|_local\/)/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * The one answer for a failure of the backend itself (PostgREST down, disk full, internal error),
 * shaped like a PostgREST error: supabase-js hands `message` to callRpc as the code, which the
 * booking form retries (src/lib/booking/errors.ts) and other screens show as a generic failure.
 */
function serviceUnavailable(res: http.ServerResponse): void {
  if (res.headersSent) return void res.end();
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5' });
  res.end(JSON.stringify({ code: 'PGRST503', message: 'service_unavailable', details: null, hint: null }));
}

/** Raised when the port is taken, with a message a newcomer can act on. */
export class PortBusyError extends Error {}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  // Keeps connections to PostgREST open, as a production gateway does: without an agent,
  // http-proxy-3 sends `connection: close` and opens a new TCP connection for every request, which
  // cost the gateway and PostgREST about 0.4 ms of CPU per call (tests/bench/request-help.ts).
  // Idle sockets close after 5 s (as Node's global agent), well before PostgREST drops them (30 s).
  const upstream = new http.Agent({ keepAlive: true, timeout: 5_000, scheduling: 'lifo' });
  const proxy = createProxyServer({ target: options.postgrestUrl, xfwd: true, agent: upstream, selfHandleResponse: true });
  const log = options.log ?? ((line: string) => console.error(line));
  proxy.on('error', (error, _req, res) => {
    if (process.env.DEBUG_GATEWAY) console.error('[gateway]', error);
    // PostgREST down (restarting after a crash: supervise.ts): the same generic answer.
    if (res && 'writeHead' in res && !res.headersSent) serviceUnavailable(res);
  });
  // A server error from PostgREST (disk full, an internal error) carries PostgreSQL's message,
  // with internal file paths ("could not extend file \"base/5/16384\": No space left on device"):
  // callers get a generic 503 instead, and the operator reads the original in the terminal.
  proxy.on('proxyRes', (proxyRes, req, res) => {
    const status = proxyRes.statusCode ?? 502;
    if (status < 500) {
      res.writeHead(status, proxyRes.statusMessage, proxyRes.headers);
      proxyRes.pipe(res);
      return;
    }
    let body = '';
    proxyRes.on('data', (chunk: Buffer) => {
      if (body.length < 4000) body += chunk.toString();
    });
    proxyRes.on('end', () => {
      log(`[gateway] PostgREST answered ${status} to ${req.method} ${req.url}: ${body.slice(0, 1000)}`);
      serviceUnavailable(res);
    });
  });

  const hasSite = existsSync(path.join(options.siteDir, 'index.html'));
  const notFoundFile = path.join(options.siteDir, '404.html');
  const serveStatic = hasSite
    ? sirv(options.siteDir, { etag: true, dotfiles: false, extensions: ['html'] })
    : null;

  // Gzip the site's text files as any static host or CDN would, so local measurements are realistic.
  const compress = compression();

  // Edge Functions: /functions/v1/<name>/… reaches the function server with the path after /v1.
  const functionsProxy = createProxyServer({ xfwd: true });
  functionsProxy.on('error', (_error, _req, res) => {
    if (res && 'writeHead' in res && !res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'The function is not reachable' }));
    }
  });

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (LOCAL_ONLY.test(url) && !LOCAL_HOST.test(req.headers.host ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The local mailbox and outbox are served to localhost only.');
    }
    if (url.startsWith('/_local/') && options.outbox?.handle(req, res)) return;
    if (url.startsWith('/functions/v1/')) {
      const target = options.functionsUrl?.() ?? null;
      if (!target) {
        res.writeHead(503, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ message: 'Edge Functions are not running' }));
      }
      req.url = url.slice('/functions/v1'.length);
      return void functionsProxy.web(req, res, { target });
    }
    const isApi = (url.startsWith('/rest/v1/') || url.startsWith('/auth/v1/')) && !LOCAL_ONLY.test(url);
    if (isApi) {
      for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    }
    if (url.startsWith('/rest/v1/')) {
      req.url = url.slice('/rest/v1'.length);
      return void proxy.web(req, res);
    }
    if (url.startsWith('/auth/v1/')) {
      options.auth.handle(req, res, url.slice('/auth/v1'.length)).catch((error: unknown) => {
        console.error('[auth] ', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 500, error_code: 'unexpected_failure', msg: 'Internal error' }));
      });
      return;
    }
    if (!serveStatic) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The site is not built yet: run `npm run build`.');
    }
    compress(req as never, res as never, () => {
      serveStatic(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end(existsSync(notFoundFile) ? readFileSync(notFoundFile) : 'Không tìm thấy trang');
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortBusyError(
              `Port ${options.port} is already in use. Stop the other program, or choose another port: PORT=4322 npm start`,
            )
          : error,
      );
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://localhost:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        proxy.close();
        functionsProxy.close();
        upstream.destroy();
      }),
  };
}
