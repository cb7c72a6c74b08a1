/**
 * The outreach figures as /quan-tri/ charts and exports them: labelled rows per week, commune,
 * team and kind, and one CSV table for a spreadsheet. Pure; tested in tests/unit/outreach.test.ts.
 * The CSV goes through the portal's one CSV cell writer (src/lib/text/csv.ts), so every export
 * quotes and guards cells the same way.
 */
import type { OutreachStatistics } from '../api/outreach';
import { OUTREACH_COUNTS, type OutreachCount } from '../domain/outreach';
import { csvField } from '../text/csv';
import { weekLabel } from '../admin/format';
import { kindText } from './labels';

/** A labelled count (the shape of the admin charts' bars). */
export interface CountRow {
  label: string;
  value: number;
}

/** One row of a figures table: a label and the entries and four counts. */
export type FiguresRow = { label: string; entries: number } & Record<OutreachCount, number>;

const figuresOf = (r: { entries: number } & Record<OutreachCount, number>) => ({
  entries: r.entries,
  people_helped: r.people_helped,
  shops: r.shops,
  flyers: r.flyers,
  participants: r.participants,
});

/** The rows of each table, labelled in Vietnamese, in the answer's order. */
export function outreachRows(s: OutreachStatistics): Record<'week' | 'commune' | 'team' | 'kind', FiguresRow[]> {
  return {
    week: s.by_week.map((w) => ({ label: weekLabel(w.week), ...figuresOf(w) })),
    commune: s.by_commune.map((c) => ({ label: c.commune_name, ...figuresOf(c) })),
    team: s.by_team.map((t) => ({ label: `${t.team_code} · ${t.team_name}`, ...figuresOf(t) })),
    kind: s.by_kind.map((k) => ({ label: kindText(k.kind), ...figuresOf(k) })),
  };
}

/** Bars of one figure of a table's rows. */
export function bars(rows: FiguresRow[], figure: OutreachCount | 'entries'): CountRow[] {
  return rows.map((r) => ({ label: r.label, value: r[figure] }));
}

/**
 * The outreach figures as one CSV table: section, key, label, entries, people_helped, shops,
 * flyers, participants. Keys are stable (ISO weeks' Mondays, commune codes, team codes, kind
 * keys); labels are the Vietnamese names. Counts only.
 */
export function outreachToCsv(s: OutreachStatistics): string {
  const header = ['section', 'key', 'label', 'entries', ...OUTREACH_COUNTS];
  const line = (section: string, key: string | number | null, label: string, r: { entries: number } & Record<OutreachCount, number>) =>
    [section, key, label, r.entries, ...OUTREACH_COUNTS.map((count) => r[count])];
  const rows: (string | number | null)[][] = [
    header,
    ['range', 'from', '', s.scope.from, '', '', '', ''],
    ['range', 'to', '', s.scope.to, '', '', '', ''],
  ];
  if (s.scope.team_id !== null) rows.push(['range', 'team', s.scope.team_name ?? '', s.scope.team_id, '', '', '', '']);
  rows.push(line('total', '', '', s.total));
  for (const w of s.by_week) rows.push(line('week', w.week, weekLabel(w.week), w));
  for (const c of s.by_commune) rows.push(line('commune', c.commune_code, c.commune_name, c));
  for (const t of s.by_team) rows.push(line('team', t.team_code, t.team_name, t));
  for (const k of s.by_kind) rows.push(line('kind', k.kind, kindText(k.kind), k));
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
