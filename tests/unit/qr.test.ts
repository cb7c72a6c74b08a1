import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/lib/qr/qr-svg.ts';
import { displayUrl, qrPayload } from '../../src/lib/qr/payload.ts';
import { communePoster, guidePoster } from '../../src/lib/posters/posters.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Rasterises our SVG (one unit per module, dark runs as `M x y h w v1 h-w z`) and decodes it. */
function decodeSvg(svg: string): string | null {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const scale = 4;
  const side = size * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)![1];
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let py = Number(y) * scale; py < (Number(y) + 1) * scale; py++) {
      for (let px = Number(x) * scale; px < (Number(x) + Number(w)) * scale; px++) {
        pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

const guide = {
  code: 'vs4',
  platform: 'vssid',
  slug: 'quen-mat-khau',
  title: 'Quên mật khẩu VssID',
  steps: [
    { title: 'Mở **VssID**', key: true },
    { title: 'Bấm "Quên mật khẩu"', key: true },
    { title: 'Nhập mã OTP', key: true },
    { title: 'Đổi mật khẩu', key: false },
  ],
};

describe('qrSvg()', () => {
  it('encodes the text so a decoder reads it back', () => {
    const url = 'https://trogiupso.example.vn/g/vs4/?p=g-vs4';
    expect(decodeSvg(qrSvg(url).svg)).toBe(url);
  });

  it('uses error correction M and a quiet zone of 4 modules by default', () => {
    const qr = qrSvg('https://trogiupso.example.vn/g/vs4/');
    expect(qr.errorCorrectionLevel).toBe('M');
    expect(qr.margin).toBe(4);
    expect(qr.size).toBe(17 + 4 * qr.version + 2 * 4);
    // No dark module inside the quiet zone.
    const d = /d="([^"]*)"/.exec(qr.svg)![1];
    for (const [, x, y] of d.matchAll(/M(\d+) (\d+)/g)) {
      expect(Number(x)).toBeGreaterThanOrEqual(4);
      expect(Number(y)).toBeGreaterThanOrEqual(4);
      expect(Number(x)).toBeLessThan(qr.size - 4);
      expect(Number(y)).toBeLessThan(qr.size - 4);
    }
  });

  it('refuses weaker error correction or a smaller quiet zone', () => {
    expect(() => qrSvg('x', { errorCorrectionLevel: 'L' as 'M' })).toThrow(/M or better/);
    expect(() => qrSvg('x', { margin: 2 })).toThrow(/at least 4/);
  });

  it('names the image for screen readers, escaping the label', () => {
    expect(qrSvg('x', { label: 'Mở "VssID" & <khác>' }).svg).toContain(
      'role="img" aria-label="Mở &#34;VssID&#34; &#38; &#60;khác&#62;"',
    );
    expect(qrSvg('x').svg).toContain('aria-hidden="true"');
  });
});

describe('QR payload URLs', () => {
  it('join the path to the configured origin', () => {
    expect(qrPayload('/g/vs4/?p=g-vs4', 'https://trogiupso.example.vn')).toBe('https://trogiupso.example.vn/g/vs4/?p=g-vs4');
    expect(qrPayload('/dat-lich/', new URL('http://localhost:4430/'))).toBe('http://localhost:4430/dat-lich/');
  });

  it('fail without a configured site instead of guessing one', () => {
    expect(() => qrPayload('/g/vs4/', undefined)).toThrow(/SITE_URL/);
    expect(() => qrPayload('g/vs4/', 'https://a.example')).toThrow(/site-relative/);
    expect(() => qrPayload('//evil.example/', 'https://a.example')).toThrow(/site-relative/);
    expect(() => qrPayload('/x/', 'ftp://a.example')).toThrow(/http/);
  });

  it('print a short typed form without scheme or poster id', () => {
    expect(displayUrl('https://trogiupso.example.vn/g/vs4/?p=g-vs4')).toBe('trogiupso.example.vn/g/vs4/');
  });

  it.each(['https://trogiupso.example.vn', 'http://localhost:4430', 'https://staging.example.org:8443'])(
    'on a guide poster use the configured origin %s',
    (site) => {
      const poster = guidePoster(guide, site);
      expect(poster.id).toBe('g-vs4');
      expect(poster.guideQr.url).toBe(`${site}/g/vs4/?p=g-vs4`);
      expect(poster.bookingQr.url).toBe(`${site}/dat-lich/?huong-dan=vs4&p=g-vs4`);
      expect(decodeSvg(poster.guideQr.svg)).toBe(poster.guideQr.url);
      expect(decodeSvg(poster.bookingQr.svg)).toBe(poster.bookingQr.url);
      expect(poster.guideQr.text).toBe(`${new URL(site).host}/g/vs4/`);
    },
  );

  it.each(['https://trogiupso.example.vn', 'http://localhost:4430'])('on a commune poster use the configured origin %s', (site) => {
    const poster = communePoster({ slug: 'ha-tu', name: 'Phường Hà Tu' }, [{ code: 'vs4', title: 'Quên mật khẩu VssID' }], site);
    expect(poster.id).toBe('x-ha-tu');
    expect(poster.bookingQr.url).toBe(`${site}/dat-lich/?xa=ha-tu&p=x-ha-tu`);
    expect(decodeSvg(poster.bookingQr.svg)).toBe(poster.bookingQr.url);
    expect(poster.host).toBe(new URL(site).host);
    expect(poster.guides).toEqual([{ code: 'vs4', title: 'Quên mật khẩu VssID', path: '/g/vs4/' }]);
  });

  it('come from SITE_URL through astro.config.mjs', async () => {
    const previous = process.env.SITE_URL;
    process.env.SITE_URL = 'https://configured.example.vn';
    try {
      const config = (await import('../../astro.config.mjs')).default;
      expect(config.site).toBe('https://configured.example.vn');
    } finally {
      if (previous === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = previous;
    }
  });

  it('are never built from a hard-coded origin in the poster code', () => {
    const folders = ['src/lib/qr', 'src/lib/posters', 'src/components/poster', 'src/pages/in', 'src/pages/g', 'src/layouts/PosterLayout.astro'];
    const walk = (entry: string): string[] => {
      const full = path.join(ROOT, entry);
      return statSync(full).isDirectory() ? readdirSync(full).flatMap((name) => walk(path.join(entry, name))) : [entry];
    };
    const files = folders.flatMap(walk);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8').replaceAll('http://www.w3.org/2000/svg', '');
      expect(text, file).not.toMatch(/https?:\/\/|localhost/);
    }
  });
});
