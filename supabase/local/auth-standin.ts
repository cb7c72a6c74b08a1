/**
 * LOCAL STAND-IN, NEVER DEPLOYED. A small imitation of the email-OTP part of Supabase Auth (GoTrue),
 * so that the portal and its tests can sign volunteers in without a Supabase project or a mail
 * server. On a real project, Supabase Auth serves these routes and sends real email.
 *
 * Routes (under /auth/v1, as supabase-js calls them):
 *   POST /otp                              "send" a 6-digit code; it is printed and kept in the mailbox
 *   POST /verify                           exchange email + code for a session
 *   GET  /user                             the signed-in user
 *   POST /token?grant_type=refresh_token   a new session from a refresh token (rotating)
 *   POST /logout?scope=global|local|others end sessions
 *   GET  /mailbox, /mailbox.json           the codes "sent", as a page and as JSON (local only: the
 *                                          gateway sends no CORS headers on them and serves them
 *                                          only to a local host name)
 * Limits, as Supabase Auth has limits: a code dies after MAX_WRONG_TRIES wrong verifications, and
 * one email gets at most MAX_SENDS_PER_WINDOW codes per SEND_WINDOW_MS (answered like Supabase:
 * 429 over_email_send_rate_limit). Supabase's own interval per email is [auth.email] max_frequency
 * in supabase/config.toml (60 s); the stand-in allows a few more so tests can sign one account in
 * several times in a row.
 * Access tokens are HS256 JWTs with the claims PostgREST and Postgres policies read:
 * role = authenticated, sub, email, exp, session_id.
 */
import { randomInt, randomUUID, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, jwtVerify } from 'jose';
import pg from 'pg';

export interface AuthStandInOptions {
  /** Superuser connection string: the stand-in keeps users in auth.users, as Supabase does. */
  databaseUrl: string;
  jwtSecret: string;
  /** Public origin of the stack, used as the token issuer. */
  publicUrl: string;
  /** Access-token lifetime in seconds (Supabase's default is 3600). */
  jwtExpiry?: number;
  /** Called with each code "sent", for the terminal. */
  onCodeSent?: (email: string, code: string) => void;
}

interface MailboxEntry {
  email: string;
  code: string;
  sentAt: Date;
}

interface Session {
  id: string;
  userId: string;
  refreshToken: string;
}

interface UserRow {
  id: string;
  email: string;
  created_at: Date;
  updated_at: Date;
  last_sign_in_at: Date | null;
  email_confirmed_at: Date | null;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const MAX_MAILBOX = 50;
/** Wrong codes after which the pending code is deleted (3,000 wrong tries once left it working). */
export const MAX_WRONG_TRIES = 5;
/** Codes one email may be sent per window (/otp was unlimited). */
export const MAX_SENDS_PER_WINDOW = 10;
export const SEND_WINDOW_MS = 60 * 1000;

export interface AuthStandIn {
  handle(req: IncomingMessage, res: ServerResponse, subpath: string): Promise<void>;
  /** Codes sent so far, newest first (tests read them the way a person reads the mailbox). */
  mailbox(): MailboxEntry[];
  close(): Promise<void>;
}

export async function createAuthStandIn(options: AuthStandInOptions): Promise<AuthStandIn> {
  const secret = new TextEncoder().encode(options.jwtSecret);
  const jwtExpiry = options.jwtExpiry ?? 3600;
  const db = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });

  const pendingCodes = new Map<string, { code: string; expires: number; wrongTries: number }>();
  /** Send times per email within the current window. */
  const sendsByEmail = new Map<string, number[]>();
  const sent: MailboxEntry[] = [];
  const sessionsByRefresh = new Map<string, Session>();
  const revokedSessions = new Set<string>();

  const normaliseEmail = (value: unknown) =>
    typeof value === 'string' ? value.trim().toLowerCase() : '';

  async function findOrCreateUser(email: string, create: boolean): Promise<UserRow | null> {
    const found = await db.query<UserRow>('select * from auth.users where email = $1', [email]);
    if (found.rows[0]) return found.rows[0];
    if (!create) return null;
    const made = await db.query<UserRow>(
      'insert into auth.users (id, email) values ($1, $2) returning *',
      [randomUUID(), email],
    );
    return made.rows[0];
  }

  function userJson(user: UserRow) {
    return {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      email_confirmed_at: user.email_confirmed_at,
      phone: '',
      confirmed_at: user.email_confirmed_at,
      last_sign_in_at: user.last_sign_in_at,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      identities: [],
      created_at: user.created_at,
      updated_at: user.updated_at,
      is_anonymous: false,
    };
  }

  async function issueSession(user: UserRow, sessionId: string = randomUUID()) {
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      aal: 'aal1',
      amr: [{ method: 'otp', timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(`${options.publicUrl}/auth/v1`)
      .setIssuedAt(now)
      .setExpirationTime(now + jwtExpiry)
      .sign(secret);
    const refreshToken = randomBytes(24).toString('base64url');
    sessionsByRefresh.set(refreshToken, { id: sessionId, userId: user.id, refreshToken });
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: jwtExpiry,
      expires_at: now + jwtExpiry,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  /** Verifies the bearer token; returns its claims or null. */
  async function claimsFrom(req: IncomingMessage) {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    try {
      const { payload } = await jwtVerify(token, secret);
      if (payload.role !== 'authenticated' || !payload.sub) return null;
      if (revokedSessions.has(String(payload.session_id))) return null;
      return payload;
    } catch {
      return null;
    }
  }

  function send(res: ServerResponse, status: number, body?: unknown) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  function fail(res: ServerResponse, status: number, errorCode: string, msg: string) {
    send(res, status, { code: status, error_code: errorCode, msg });
  }

  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    let raw = '';
    for await (const chunk of req) {
      raw += chunk;
      if (raw.length > 64_000) break;
    }
    try {
      const value: unknown = raw ? JSON.parse(raw) : {};
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  function mailboxPage(res: ServerResponse) {
    const escape = (s: string) =>
      s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const rows = sent
      .map(
        (m) =>
          `<tr><td>${m.sentAt.toLocaleTimeString('vi-VN')}</td><td>${escape(m.email)}</td><td><strong>${m.code}</strong></td></tr>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="refresh" content="5"><title>Hộp thư thử nghiệm</title>
<body style="font:19px system-ui;margin:1rem"><h1>Hộp thư thử nghiệm (chỉ trên máy này)</h1>
<p>Đây là các mã đăng nhập mà máy chủ thử nghiệm đã “gửi”. Trên hệ thống thật, mã được gửi qua email.</p>
<table border="1" cellpadding="8"><thead><tr><th>Lúc</th><th>Email</th><th>Mã</th></tr></thead><tbody>${rows || '<tr><td colspan="3">Chưa có mã nào.</td></tr>'}</tbody></table></body></html>`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, subpath: string) {
    const url = new URL(subpath, 'http://local');
    const route = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
    switch (route) {
      case 'GET /mailbox':
        return mailboxPage(res);
      case 'GET /mailbox.json':
        return send(res, 200, sent);
      case 'GET /settings':
        return send(res, 200, {
          external: { email: true },
          disable_signup: false,
          mailer_autoconfirm: false,
        });
      case 'POST /otp': {
        const body = await readJson(req);
        const email = normaliseEmail(body.email);
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
          return fail(res, 400, 'validation_failed', 'Unable to validate email address: invalid format');
        }
        const now = Date.now();
        const recent = (sendsByEmail.get(email) ?? []).filter((at) => at > now - SEND_WINDOW_MS);
        if (recent.length >= MAX_SENDS_PER_WINDOW) {
          const wait = Math.ceil((recent[0] + SEND_WINDOW_MS - now) / 1000);
          return fail(res, 429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${wait} seconds.`);
        }
        const user = await findOrCreateUser(email, body.create_user !== false);
        if (!user) return fail(res, 422, 'otp_disabled', 'Signups not allowed for otp');
        sendsByEmail.set(email, [...recent, now]);
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        pendingCodes.set(email, { code, expires: now + CODE_LIFETIME_MS, wrongTries: 0 });
        sent.unshift({ email, code, sentAt: new Date() });
        sent.length = Math.min(sent.length, MAX_MAILBOX);
        options.onCodeSent?.(email, code);
        return send(res, 200, {});
      }
      case 'POST /verify': {
        const body = await readJson(req);
        const email = normaliseEmail(body.email);
        const pending = pendingCodes.get(email);
        if (!pending || pending.expires < Date.now() || pending.code !== String(body.token ?? '')) {
          // A wrong code counts against the pending one, which dies after MAX_WRONG_TRIES.
          if (pending && ++pending.wrongTries >= MAX_WRONG_TRIES) pendingCodes.delete(email);
          return fail(res, 403, 'otp_expired', 'Token has expired or is invalid');
        }
        pendingCodes.delete(email);
        const updated = await db.query<UserRow>(
          `update auth.users set last_sign_in_at = now(), updated_at = now(),
             email_confirmed_at = coalesce(email_confirmed_at, now())
           where email = $1 returning *`,
          [email],
        );
        return send(res, 200, await issueSession(updated.rows[0]));
      }
      case 'GET /user': {
        const claims = await claimsFrom(req);
        if (!claims) return fail(res, 401, 'bad_jwt', 'invalid JWT');
        const found = await db.query<UserRow>('select * from auth.users where id = $1', [claims.sub]);
        if (!found.rows[0]) return fail(res, 404, 'user_not_found', 'User not found');
        return send(res, 200, userJson(found.rows[0]));
      }
      case 'POST /token': {
        if (url.searchParams.get('grant_type') !== 'refresh_token') {
          return fail(res, 400, 'validation_failed', 'unsupported grant_type');
        }
        const body = await readJson(req);
        const session = sessionsByRefresh.get(String(body.refresh_token ?? ''));
        if (!session || revokedSessions.has(session.id)) {
          return fail(res, 400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        }
        // Rotation: a refresh token works once.
        sessionsByRefresh.delete(session.refreshToken);
        const found = await db.query<UserRow>('select * from auth.users where id = $1', [session.userId]);
        if (!found.rows[0]) return fail(res, 400, 'user_not_found', 'User not found');
        return send(res, 200, await issueSession(found.rows[0], session.id));
      }
      case 'POST /logout': {
        const claims = await claimsFrom(req);
        if (!claims) return fail(res, 401, 'bad_jwt', 'invalid JWT');
        const scope = url.searchParams.get('scope') ?? 'global';
        const current = String(claims.session_id);
        for (const [token, session] of sessionsByRefresh) {
          if (session.userId !== claims.sub) continue;
          const isCurrent = session.id === current;
          if (scope === 'global' || (scope === 'local' && isCurrent) || (scope === 'others' && !isCurrent)) {
            sessionsByRefresh.delete(token);
            revokedSessions.add(session.id);
          }
        }
        if (scope !== 'others') revokedSessions.add(current);
        res.writeHead(204).end();
        return;
      }
      default:
        return fail(res, 404, 'not_found', 'Not found (local auth stand-in)');
    }
  }

  return {
    handle,
    mailbox: () => [...sent],
    close: () => db.end(),
  };
}
