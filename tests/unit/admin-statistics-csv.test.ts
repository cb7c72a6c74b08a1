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
    // Vietnamese labels throughout (issue 16 point 21; tests/unit/admin-usability.test.ts).
    expect(lines[0]).toBe('Phần,Mục,Số liệu');
    expect(lines).toContain('Tổng số yêu cầu,Tất cả,2');
    expect(lines).toContain('Theo tình trạng,Đã xong,1');
    expect(lines).toContain('"Theo xã, phường",Phường Hồng Gai (06685),2');
    expect(lines).toContain('Từ lúc gửi đến khi xong,Trung vị (phút),120');
    expect(lines).toContain('Lượt quét áp phích QR,g-vs4,5');
    expect(lines.some((l) => l.startsWith('Đánh giá hướng dẫn'))).toBe(false);
  });
});
