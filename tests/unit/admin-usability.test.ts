import { describe, expect, it } from 'vitest';
import { fieldProblem, posterLabel } from '../../src/lib/admin/format.ts';
import { statisticsToCsv } from '../../src/lib/admin/statistics-csv.ts';
import { statisticsFixture } from '../support/statistics.ts';

/** What an admin reads (issue 16 point 21): import errors, poster names, the statistics CSV. */

describe('a CSV import error', () => {
  it('shows the bad value and the format expected', () => {
    const text = fieldProblem({ column: 'public_phone', code: 'invalid', value: '12345' });
    expect(text).toContain('«12345»');
    expect(text).toContain('ví dụ 0912 345 678');
    expect(fieldProblem({ column: 'base_lat', code: 'outside_province', value: '25.5' })).toContain('«25.5»');
    expect(fieldProblem({ column: 'active', code: 'invalid', value: 'maybe' })).toMatch(/có hoặc không/);
  });

  it('has no value part when there was none', () => {
    expect(fieldProblem({ column: 'code', code: 'required' })).not.toContain('«');
  });
});

describe('poster scans', () => {
  it('are labelled with the poster name, the raw id only when unknown', () => {
    const names = { 'g-vs4': 'Hướng dẫn: Quên mật khẩu VssID' };
    expect(posterLabel('g-vs4', names)).toBe('Hướng dẫn: Quên mật khẩu VssID');
    expect(posterLabel('x-old', names)).toBe('x-old');
  });
});

describe('statistics CSV', () => {
  const stats = statisticsFixture({
    poster_scans: { total: 5, top: [{ poster: 'g-vs4', scans: 5 }] },
    help_ratings: { helped: 3, not_helped: 1 },
  });
  const lines = statisticsToCsv(stats, { 'g-vs4': 'Hướng dẫn: Quên mật khẩu VssID' }).trimEnd().split('\r\n');
  // Fields of a line (quoted fields may hold commas; none here holds a quote or a line break).
  const rows = lines.map((line) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, 3).map((m) => m[2] ?? m[1]));

  it('has Vietnamese headers and a label on every row', () => {
    expect(lines[0]).toBe('Phần,Mục,Số liệu');
    for (const row of rows) expect(row[1], row.join(',')).not.toBe('');
  });

  it('uses no English keys', () => {
    for (const word of ['section', 'status', 'closed', 'cancelled', 'median_minutes', 'time_to_close', 'poster', 'range']) {
      expect(rows.some((row) => row.includes(word)), word).toBe(false);
    }
  });

  it('writes the figures in words an admin reads', () => {
    expect(lines).toContain('Tổng số yêu cầu,Tất cả,2');
    expect(lines).toContain('Theo tình trạng,Đã xong,1');
    expect(lines).toContain('"Theo xã, phường",Phường Hồng Gai (06685),2');
    expect(lines).toContain('Lượt quét áp phích QR,Hướng dẫn: Quên mật khẩu VssID (g-vs4),5');
    expect(lines).toContain('Người dân trả lời sau khi xong,Đã giúp được,3');
  });
});
