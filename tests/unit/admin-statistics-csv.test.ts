import { describe, expect, it } from 'vitest';
import { csvField, statisticsToCsv } from '../../src/lib/admin/statistics-csv.ts';
import { statisticsSchema } from '../../src/lib/api/admin.ts';

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
    const stats = statisticsSchema.parse({
      scope: { from: '2025-03-03', to: '2025-03-16', team_id: null, team_name: null, province: true },
      total: 2,
      by_status: { unassigned: 0, assigned: 0, accepted: 0, closed: 1, cancelled: 1 },
      by_outcome: { helped: 1 },
      by_commune: [{ commune_code: '06685', commune_name: 'Phường Hồng Gai', count: 2 }],
      by_need: [{ need: 'vneid', count: 2 }],
      by_week: [{ week: '2025-03-03', count: 2 }],
      time_to_accept: { count: 1, median_minutes: 30, p90_minutes: 30 },
      time_to_close: { count: 1, median_minutes: 120, p90_minutes: 120 },
      waiting_longest: [],
      stale_teams: [],
      stale_rules: { accept_within_minutes: 360, accepted_days: 7 },
      poster_scans: { total: 5, top: [{ poster: 'g-vs4', scans: 5 }] },
      guide_feedback: null,
    });
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
