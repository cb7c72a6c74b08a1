/**
 * The statistics as the admin workspace charts them: labelled counts per status, week, need and
 * commune, in the order the answer gives them. Pure; tested in tests/unit/admin-format.test.ts.
 */
import type { Statistics } from '../api/admin';
import { STATUS_LABELS } from '../booking/request-labels';
import type { RequestStatus } from '../domain/request-statuses';
import { t, type MessageKey } from '../i18n/admin';
import { weekLabel } from './format';

/** A labelled count. */
export interface CountRow {
  label: string;
  value: number;
}

/** A request's status in the words citizens read (a status this site does not know, as it is). */
export function statusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status) ? t(STATUS_LABELS[status as RequestStatus]) : status;
}

/** The rows of each chart and table of the statistics. */
export function statisticsRows(stats: Statistics): Record<'status' | 'week' | 'need' | 'commune', CountRow[]> {
  return {
    status: Object.entries(stats.by_status).map(([s, n]) => ({ label: statusLabel(s), value: n })),
    week: stats.by_week.map((w) => ({ label: weekLabel(w.week), value: w.count })),
    need: stats.by_need.map((n) => ({ label: t(`admin.need.${n.need}` as MessageKey), value: n.count })),
    commune: stats.by_commune.map((c) => ({ label: c.commune_name, value: c.count })),
  };
}
