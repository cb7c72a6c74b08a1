import type { Statistics } from '../api/admin';
import { csvField } from '../text/csv';

/** One CSV field (src/lib/text/csv.ts: quoted when needed, formulas neutralised). */
export { csvField };

/**
 * The statistics as one CSV table (section, key, label, value), for a spreadsheet. Counts only:
 * the answer it is made from holds no personal data.
 */
export function statisticsToCsv(s: Statistics): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'label', 'value']];
  rows.push(['range', 'from', '', s.scope.from], ['range', 'to', '', s.scope.to], ['total', '', '', s.total]);
  if (s.scope.team_name) rows.push(['range', 'team', s.scope.team_name, s.scope.team_id]);
  for (const [status, count] of Object.entries(s.by_status)) rows.push(['status', status, '', count]);
  for (const [outcome, count] of Object.entries(s.by_outcome)) rows.push(['outcome', outcome, '', count]);
  for (const w of s.by_week) rows.push(['week', w.week, '', w.count]);
  for (const c of s.by_commune) rows.push(['commune', c.commune_code, c.commune_name, c.count]);
  for (const n of s.by_need) rows.push(['need', n.need, '', n.count]);
  for (const [key, d] of [['to_accept', s.time_to_accept], ['to_close', s.time_to_close]] as const) {
    rows.push([`time_${key}`, 'count', '', d.count], [`time_${key}`, 'median_minutes', '', d.median_minutes], [`time_${key}`, 'p90_minutes', '', d.p90_minutes]);
  }
  for (const w of s.waiting_longest) rows.push(['waiting', w.reference_code, w.commune_name, w.waiting_minutes]);
  for (const team of s.stale_teams) rows.push(['stale_team', team.team_code, team.team_name, team.not_accepted + team.accepted_not_closed]);
  if (s.poster_scans) {
    rows.push(['poster_scans', 'total', '', s.poster_scans.total]);
    for (const p of s.poster_scans.top) rows.push(['poster', p.poster, '', p.scans]);
  }
  if (s.guide_feedback) {
    rows.push(['feedback', 'helpful', '', s.guide_feedback.helpful], ['feedback', 'not_helpful', '', s.guide_feedback.not_helpful], ['feedback', 'error_reports', '', s.guide_feedback.error_reports]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Offers text as a file download (UTF-8 with a byte-order mark, so spreadsheets read Vietnamese). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
