import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allSteps } from '../../src/lib/content/guide-steps.ts';
import { guideSchema } from '../../src/lib/schemas/guide.ts';
import {
  communePosterId,
  guidePosterId,
  isPosterId,
  teamPosterId,
  POSTER_ID_MAX_LENGTH,
  POSTER_ID_PATTERN,
} from '../../src/lib/domain/poster-id.ts';
import {
  communePosterPath,
  guidePosterPath,
  manyPostersPath,
  posterKeySteps,
  POSTER_MAX_STEPS,
  POSTER_MIN_STEPS,
  withPosterId,
} from '../../src/lib/posters/posters.ts';
import { PLATFORM_IDS } from '../../src/lib/schemas/platform.ts';
import { readGuideFiles } from '../support/content.ts';

const migration = readFileSync(new URL('../../supabase/migrations/20261128001000_poster_scans.sql', import.meta.url), 'utf8');

describe('poster ids', () => {
  it('are derived from guide codes and commune slugs', () => {
    expect(guidePosterId('vs4')).toBe('g-vs4');
    expect(communePosterId('mong-cai-1')).toBe('x-mong-cai-1');
    expect(() => guidePosterId('VS4')).toThrow();
  });

  it('name a team poster and sticker by the team code', () => {
    expect(teamPosterId('DEMO-HONGGAI', 'a4')).toBe('t-demo-honggai');
    expect(teamPosterId('DEMO-HONGGAI', 'a6')).toBe('n-demo-honggai');
  });

  it.each(['g-vs4', 'g-vn10', 'x-ha-tu', 'x-mong-cai-1', 't-demo-honggai', 'n-t1'])('accepts %s', (id) => {
    expect(isPosterId(id)).toBe(true);
  });

  it.each(['', 'vs4', 'g-', 'g-VS4', 'g-abcdefghi', 'x-ha--tu', 'x-ha-tu-', 'y-abc', 't-', 't-A1', 't--ab', 'g-vs4;drop', `x-${'a'.repeat(40)}`, null, 7])(
    'refuses %s',
    (id) => {
      expect(isPosterId(id)).toBe(false);
    },
  );

  it('use the same pattern and length as the database function', () => {
    const patterns = [...migration.matchAll(/poster !?~ '([^']+)'/g)].map((m) => m[1]);
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) expect(pattern).toBe(POSTER_ID_PATTERN.source);
    expect(migration).toContain(`length(poster) > ${POSTER_ID_MAX_LENGTH}`);
  });

  it('are carried as p= on poster links, keeping the existing query', () => {
    expect(withPosterId('/g/vs4/', 'g-vs4')).toBe('/g/vs4/?p=g-vs4');
    expect(withPosterId('/dat-lich/?xa=ha-tu', 'x-ha-tu')).toBe('/dat-lich/?xa=ha-tu&p=x-ha-tu');
  });
});

describe('poster pages', () => {
  it('have short paths that never collide with a platform id', () => {
    expect(guidePosterPath('vssid', 'quen-mat-khau')).toBe('/in/vssid/quen-mat-khau/');
    expect(communePosterPath('ha-tu')).toBe('/in/xa/ha-tu/');
    // /in/xa/ and /in/nhieu/ share the /in/<segment>/ space with platform ids.
    expect(PLATFORM_IDS).not.toContain('xa');
    expect(PLATFORM_IDS).not.toContain('nhieu');
  });

  it('print many posters from one address', () => {
    expect(manyPostersPath({ guides: ['vs4', 'tx3'], communes: ['ha-tu'] })).toBe('/in/nhieu/?g=vs4%2Ctx3&x=ha-tu');
    expect(manyPostersPath()).toBe('/in/nhieu/');
  });
});

describe('key steps on guide posters', () => {
  it.each(readGuideFiles().map((file) => [file.file, guideSchema.parse(file.frontmatter)] as const))(
    '%s marks 3–5 key steps, each short enough for a poster',
    (_file, guide) => {
      const marked = allSteps(guide).filter((step) => step.key);
      expect(marked.length).toBeGreaterThanOrEqual(POSTER_MIN_STEPS);
      expect(marked.length).toBeLessThanOrEqual(POSTER_MAX_STEPS);
      const printed = posterKeySteps(guide);
      for (const step of [...printed.common, ...printed.ways.flatMap((way) => way.steps)]) {
        expect(step.length).toBeLessThanOrEqual(70);
      }
    },
  );

  it('falls back to the first four steps when too few are marked, and drops Markdown', () => {
    const steps = ['**Mở** ứng dụng', 'Bấm A', 'Bấm B', 'Bấm C', 'Bấm D'].map((title, i) => ({ title, key: i === 0 }));
    expect(posterKeySteps({ steps })).toEqual({ common: ['Mở ứng dụng', 'Bấm A', 'Bấm B', 'Bấm C'], ways: [] });
  });

  it('prints at most five', () => {
    const steps = Array.from({ length: 7 }, (_, i) => ({ title: `Bước ${i + 1}`, key: true }));
    expect(posterKeySteps({ steps }).common).toHaveLength(5);
  });

  it('prints the key steps of each way under the way, numbered within it', () => {
    const step = (title: string, key = true) => ({ title, key });
    const guide = {
      steps: [step('Mở VssID'), step('Bấm "Quên mật khẩu"', false)],
      ways: [
        { title: 'Qua **email**', steps: [step('Nhập email'), step('Nhập mã OTP')] },
        { title: 'Nhắn tin 8079', steps: [step('Soạn tin', false)] },
        { title: 'Gọi tổng đài', steps: [step('Gọi 1900 9068')] },
      ],
    };
    expect(posterKeySteps(guide)).toEqual({
      common: ['Mở VssID'],
      ways: [
        { number: 1, title: 'Qua email', steps: ['Nhập email', 'Nhập mã OTP'] },
        { number: 3, title: 'Gọi tổng đài', steps: ['Gọi 1900 9068'] },
      ],
    });
  });
});
