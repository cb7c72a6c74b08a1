/**
 * One CSV field, for every CSV the portal writes in TypeScript (the SQL twin is app.csv_field in
 * supabase/migrations/20261128001500_team_admin.sql; tests/db/admin-teams.test.ts holds both to
 * FORMULA_CASES).
 *
 * Text is quoted when it holds a comma, quote, semicolon or line break, or has spaces at its ends.
 * Text that starts with = + - @, a tab or a carriage return would run as a formula in a
 * spreadsheet (a team named `=HYPERLINK(…)` exported unchanged), so it gets a leading ' and is
 * quoted, as OWASP advises for CSV injection. Numbers are written as they are (-3 is a number).
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  return formula || NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n;]/;

/** Values and the field each must become; shared by the unit and the SQL tests. */
export const FORMULA_CASES: [string, string][] = [
  ['=HYPERLINK("http://x","Bấm")', `"'=HYPERLINK(""http://x"",""Bấm"")"`],
  ['+84 912', `"'+84 912"`],
  ['-2+3', `"'-2+3"`],
  ['@SUM(A1)', `"'@SUM(A1)"`],
  ['\t=1+1', `"'\t=1+1"`],
  ['\r=1+1', `"'\r=1+1"`],
  ['Tổ 1, Hạ Long', '"Tổ 1, Hạ Long"'],
  ['Tổ "A"', '"Tổ ""A"""'],
  ['Tổ A = B', 'Tổ A = B'],
];
