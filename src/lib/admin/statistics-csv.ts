import type { Statistics } from '../api/admin';
import { t } from '../i18n/admin';
import { OUTCOME_LABELS } from '../team/labels';
import { posterLabel, weekLabel } from './format';
import { statisticsRows, statusLabel } from './statistics-view';
import { csvField } from '../text/csv';

/** One CSV field (src/lib/text/csv.ts: quoted when needed, formulas neutralised). */
export { csvField };

/**
 * The statistics as one CSV table for a spreadsheet, in the words of the page: three columns
 * "Phần, Mục, Số liệu" (section, item, figure), every item labelled in Vietnamese (a commune or
 * poster keeps its code in brackets, for matching). Counts only: the answer it is made from holds
 * no personal data. `posterNames` labels poster scans by their poster (posterLabel).
 */
export function statisticsToCsv(s: Statistics, posterNames: Readonly<Record<string, string>> = {}): string {
  const rows: (string | number | null)[][] = [[t('admin.csv.section'), t('admin.csv.item'), t('admin.csv.value')]];
  const range = t('admin.csv.range');
  rows.push([range, t('admin.csv.from'), s.scope.from], [range, t('admin.csv.to'), s.scope.to]);
  if (s.scope.team_name) rows.push([range, t('admin.csv.team'), s.scope.team_name]);
  rows.push([t('admin.csv.totalSection'), t('admin.csv.all'), s.total]);
  for (const [status, count] of Object.entries(s.by_status)) rows.push([t('admin.stats.byStatus'), statusLabel(status), count]);
  for (const [outcome, count] of Object.entries(s.by_outcome)) rows.push([t('admin.csv.outcome'), outcomeLabel(outcome), count]);
  for (const w of s.by_week) rows.push([t('admin.stats.byWeek'), weekLabel(w.week), w.count]);
  for (const c of s.by_commune) rows.push([t('admin.stats.byCommune'), `${c.commune_name} (${c.commune_code})`, c.count]);
  for (const row of statisticsRows(s).need) rows.push([t('admin.stats.byNeed'), row.label, row.value]);
  for (const [key, d] of [['admin.stats.toAccept', s.time_to_accept], ['admin.stats.toClose', s.time_to_close]] as const) {
    rows.push(
      [t(key), t('admin.stats.count'), d.count],
      [t(key), t('admin.csv.medianMinutes'), d.median_minutes],
      [t(key), t('admin.csv.p90Minutes'), d.p90_minutes],
    );
  }
  for (const w of s.waiting_longest) rows.push([t('admin.csv.waitingMinutes'), `${w.reference_code} (${w.commune_name})`, w.waiting_minutes]);
  for (const team of s.stale_teams) {
    rows.push([t('admin.csv.staleCount'), `${team.team_name} (${team.team_code})`, team.not_accepted + team.accepted_not_closed]);
  }
  if (s.help_ratings) {
    rows.push(
      [t('admin.stats.ratings'), t('admin.stats.ratingHelped'), s.help_ratings.helped],
      [t('admin.stats.ratings'), t('admin.stats.ratingNotHelped'), s.help_ratings.not_helped],
    );
  }
  if (s.poster_scans) {
    rows.push([t('admin.stats.posters'), t('admin.csv.total'), s.poster_scans.total]);
    for (const p of s.poster_scans.top) {
      const name = posterLabel(p.poster, posterNames);
      rows.push([t('admin.stats.posters'), name === p.poster ? name : `${name} (${p.poster})`, p.scans]);
    }
  }
  if (s.guide_feedback) {
    const section = t('admin.stats.feedback');
    rows.push(
      [section, t('admin.stats.helpful'), s.guide_feedback.helpful],
      [section, t('admin.stats.notHelpful'), s.guide_feedback.not_helpful],
      [section, t('admin.stats.errorReports'), s.guide_feedback.error_reports],
    );
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** An outcome in the team's words (as it is when unknown). */
function outcomeLabel(outcome: string): string {
  return Object.hasOwn(OUTCOME_LABELS, outcome) ? t(OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS]) : outcome;
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
