import { describe, expect, it } from 'vitest';
import { csvField, FORMULA_CASES } from '../../src/lib/text/csv.ts';
import { statisticsToCsv } from '../../src/lib/admin/statistics-csv.ts';
import { statisticsFixture } from '../support/statistics.ts';

/**
 * Spreadsheet formula injection (issue 16 point 4): a cell that starts with = + - @, a tab or a
 * carriage return is run as a formula by Excel, LibreOffice and Google Sheets. Every CSV the
 * portal writes goes through one field function, which prefixes such text with ' (OWASP's advice)
 * and quotes it. The SQL twin, app.csv_field, is held to the same cases in tests/db/admin-teams.test.ts.
 */
describe('CSV fields', () => {
  it.each(FORMULA_CASES)('neutralises %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('leaves numbers, plain text and empty values as they are', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(0)).toBe('0');
    expect(csvField('Phường Hồng Gai')).toBe('Phường Hồng Gai');
    expect(csvField('')).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('neutralises names in the statistics export', () => {
    const stats = statisticsFixture();
    stats.by_commune = [{ commune_code: '06685', commune_name: '=HYPERLINK("http://x","Bấm")', count: 1 }];
    stats.stale_teams = [{ team_id: 1, team_code: 'T1', team_name: '@SUM(1+1)', not_accepted: 1, accepted_not_closed: 0 }] as typeof stats.stale_teams;
    const csv = statisticsToCsv(stats);
    // Rows read "Phần,Mục,Số liệu": the item is the name with its code in brackets.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"",""Bấm"") (06685)",1\r\n`);
    expect(csv).toContain(`,"'@SUM(1+1) (T1)",1\r\n`);
    expect(csv).not.toMatch(/(^|,)[=@]/m);
  });
});
