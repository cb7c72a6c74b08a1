/**
 * TEST STAND-IN for a Web Push service (never shipped): a local HTTP endpoint that plays the part
 * of FCM or Mozilla's autopush. It makes subscriptions with its own ECDH P-256 key pair and auth
 * secret, as a browser does, receives the POSTs, checks the VAPID JWT (ES256, RFC 8292) against
 * the key in the Authorization header, and decrypts the aes128gcm payload (RFC 8188 + RFC 8291)
 * with the subscription's private key, using node:crypto only. Tests read what arrived.
 */
import { createECDH, createHmac, createDecipheriv, createPublicKey, randomBytes, verify } from 'node:crypto';
import http from 'node:http';

export interface ReceivedPush {
  /** Subscription id (last path segment of the endpoint). */
  id: string;
  /** The decrypted payload, parsed as JSON. */
  payload: unknown;
  /** The VAPID JWT's claims (verified). */
  claims: { aud: string; exp: number; sub: string };
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface TestSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface PushService {
  url: string;
  subscribe(id?: string): TestSubscription;
  received: ReceivedPush[];
  /** Answer this status (e.g. 410) for the next POSTs to an id. */
  answerWith(id: string, status: number): void;
  /** Failures to verify or decrypt, as text (a test expects none). */
  errors: string[];
  stop(): Promise<void>;
}

const b64url = (buffer: Buffer) => buffer.toString('base64url');
const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 and RFC 8188 §2: decrypts one aes128gcm record. */
export function decryptAes128gcm(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (ciphertext.length > recordSize) throw new Error('more than one record');
  const uaPublic = uaPrivate.getPublicKey();
  const ecdhSecret = uaPrivate.computeSecret(asPublic);
  const prkKey = hmac(authSecret, ecdhSecret);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic, Buffer.from([1])]);
  const ikm = hmac(prkKey, keyInfo);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('missing last-record delimiter');
  return padded.subarray(0, end);
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`; verifies the ES256 signature and the audience. */
export function verifyVapid(authorization: string, expectedAudience: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) throw new Error(`not a VAPID authorization: ${authorization.slice(0, 30)}`);
  const [header, claims, signature] = match[1].split('.');
  const point = Buffer.from(match[2], 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33, 65)) },
    format: 'jwk',
  });
  const ok = verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!ok) throw new Error('VAPID signature does not verify');
  const parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString()) as { alg: string };
  if (parsedHeader.alg !== 'ES256') throw new Error(`VAPID alg ${parsedHeader.alg}`);
  const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString()) as ReceivedPush['claims'];
  if (parsed.aud !== expectedAudience) throw new Error(`VAPID aud ${parsed.aud}, expected ${expectedAudience}`);
  const now = Date.now() / 1000;
  if (!(parsed.exp > now && parsed.exp <= now + 24 * 3600 + 60)) throw new Error(`VAPID exp ${parsed.exp}`);
  return { claims: parsed, publicKey: match[2] };
}

export async function startPushService(): Promise<PushService> {
  const subscriptions = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const statuses = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const errors: string[] = [];
  let origin = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const id = (req.url ?? '').split('/').pop() ?? '';
      const status = statuses.get(id);
      if (status) return void res.writeHead(status).end();
      const subscription = subscriptions.get(id);
      if (!subscription) return void res.writeHead(404).end();
      try {
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
        const { claims } = verifyVapid(String(req.headers.authorization ?? ''), origin);
        const plaintext = decryptAes128gcm(Buffer.concat(chunks), subscription.ecdh, subscription.auth);
        received.push({ id, payload: JSON.parse(plaintext.toString('utf8')), claims, headers: req.headers, at: Date.now() });
        res.writeHead(201).end();
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url: origin,
    received,
    errors,
    subscribe(id = randomBytes(8).toString('hex')) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscriptions.set(id, { ecdh, auth });
      return { endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
    },
    answerWith(id, status) {
      statuses.set(id, status);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
