/**
 * Host names that only ever reach the machine they are typed on. A QR code or printed address
 * with one of them works on the computer that printed it and nowhere else (the poster pages warn:
 * src/components/poster/OriginWarning.astro). Kept here, out of the poster code, which must hold
 * no origin at all (tests/unit/qr.test.ts).
 */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** Whether a URL's host name (`new URL(…).hostname`) is this machine only. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}
