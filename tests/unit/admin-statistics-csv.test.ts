import { describe, expect, it } from 'vitest';
import { csvField, statisticsToCsv } from '../../src/lib/admin/statistics-csv.ts';
import { statisticsFixture } from '../support/statistics.ts';

/** The statistics CSV export of the admin workspace (src/lib/admin/statistics-csv.ts). */
describe('statistics CSV', () => {
  it('quotes fields with commas, quotes and line breaks only', () => {
    expect(csvField('Phường Hồng Gai')).toBe('Phường Hồng Gai');
    expect(csvField('Tổ 1, Hạ Long')).toBe('"Tổ 1, Hạ Long"');
    expect(csvField('Tổ "A"')).toBe('"Tổ ""A"""');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('writes one row per figure, with Vietnamese names intact', () => {
    const stats = statisticsFixture({ poster_scans: { total: 5, top: [{ poster: 'g-vs4', scans: 5 }] } });
    const lines = statisticsToCsv(stats).trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,key,label,value');
    expect(lines).toContain('total,,,2');
    expect(lines).toContain('status,closed,,1');
    expect(lines).toContain('commune,06685,Phường Hồng Gai,2');
    expect(lines).toContain('time_to_close,median_minutes,,120');
    expect(lines).toContain('poster,g-vs4,,5');
    expect(lines.some((l) => l.startsWith('feedback'))).toBe(false);
  });
});
