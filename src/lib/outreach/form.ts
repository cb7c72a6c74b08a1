/**
 * The outreach form's rules (/doi/, "Ghi nhận hoạt động"), pure so that they are unit-tested: the
 * figures each kind of work asks for first, the empty form (today in Vietnam, the team's commune),
 * an entry back into the form for editing, what is sent, and the checks made before sending (the
 * SQL makes the same ones and answers with the same codes).
 */
import type { OutreachEntry, OutreachEntryInput } from '../api/outreach';
import {
  OUTREACH_COUNT_MAX,
  OUTREACH_COUNTS,
  OUTREACH_NOTE_MAX,
  type OutreachCount,
  type OutreachKind,
} from '../domain/outreach';

/** The figures the form shows first for each kind (the others fold under "Số liệu khác"). */
export const MAIN_COUNTS: Record<OutreachKind, OutreachCount[]> = {
  home_visit: ['people_helped'],
  help_session: ['people_helped', 'participants'],
  training: ['participants', 'people_helped'],
  cashless_shops: ['shops', 'people_helped'],
  qr_labels: ['shops'],
  flyers: ['flyers'],
  other: ['people_helped', 'shops', 'flyers', 'participants'],
};

/** The form's fields (and the ids of their problems). */
export type OutreachField = 'kind' | OutreachCount | 'commune_code' | 'day' | 'platforms' | 'note';

/** What the form holds while it is filled in: counts as typed. */
export interface OutreachValues {
  kind: OutreachKind | '';
  counts: Record<OutreachCount, string>;
  commune_code: string;
  day: string;
  platforms: string[];
  note: string;
}

const noCounts = (): Record<OutreachCount, string> => ({ people_helped: '', shops: '', flyers: '', participants: '' });

/** A blank form: no kind yet, today (Vietnam), the team's commune. */
export function emptyValues(communeCode: string, today: string): OutreachValues {
  return { kind: '', counts: noCounts(), commune_code: communeCode, day: today, platforms: [], note: '' };
}

/** An entry back into the form, to edit it (zero counts show as empty). */
export function valuesOf(entry: OutreachEntry): OutreachValues {
  const counts = noCounts();
  for (const count of OUTREACH_COUNTS) counts[count] = entry[count] > 0 ? String(entry[count]) : '';
  return {
    kind: entry.kind,
    counts,
    commune_code: entry.commune_code,
    day: entry.day,
    platforms: [...entry.platforms],
    note: entry.note ?? '',
  };
}

/** A count as typed, without spaces and thousands dots ("1.000" → "1000"); empty stays empty. */
export function normalizeCount(typed: string): string {
  return typed.replace(/[\s.]/g, '');
}

/** Nine or more digits, allowing spaces, dots, dashes and brackets between them (mirrors the SQL). */
export function looksLikePhone(text: string): boolean {
  return /\d{9,}/.test(text.replace(/(\d)[ .()-]+(?=\d)/g, '$1'));
}

/** What save_outreach_entry receives. */
export function toInput(values: OutreachValues): OutreachEntryInput {
  const input: OutreachEntryInput = {
    kind: values.kind,
    commune_code: values.commune_code || null,
    day: values.day,
    platforms: values.platforms,
    note: values.note.trim() || null,
  };
  for (const count of OUTREACH_COUNTS) {
    const typed = normalizeCount(values.counts[count]);
    input[count] = typed === '' ? 0 : /^\d+$/.test(typed) ? Number(typed) : typed;
  }
  return input;
}

/** The problems found before sending, in the form's order: [field, error code]. */
export function formProblems(values: OutreachValues): [OutreachField, string][] {
  const problems: [OutreachField, string][] = [];
  if (!values.kind) problems.push(['kind', 'kind_invalid']);
  let total = 0;
  for (const count of OUTREACH_COUNTS) {
    const typed = normalizeCount(values.counts[count]);
    if (typed === '') continue;
    if (!/^\d{1,6}$/.test(typed) || Number(typed) > OUTREACH_COUNT_MAX[count]) problems.push([count, 'count_invalid']);
    else total += Number(typed);
  }
  if (total === 0 && !problems.some(([, code]) => code === 'count_invalid')) {
    problems.push([values.kind ? MAIN_COUNTS[values.kind][0] : 'people_helped', 'counts_required']);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.day)) problems.push(['day', 'day_invalid']);
  const note = values.note.trim();
  if (note.length > OUTREACH_NOTE_MAX) problems.push(['note', 'note_invalid']);
  else if (looksLikePhone(note)) problems.push(['note', 'note_has_phone']);
  return problems;
}

/** The field an error code of the SQL belongs to (null: a problem of the whole form). */
export function fieldOfCode(code: string, values: OutreachValues): OutreachField | null {
  switch (code) {
    case 'kind_invalid':
      return 'kind';
    case 'count_invalid':
    case 'counts_required':
      return values.kind ? MAIN_COUNTS[values.kind][0] : 'people_helped';
    case 'commune_unknown':
      return 'commune_code';
    case 'day_invalid':
    case 'day_future':
    case 'day_too_old':
      return 'day';
    case 'platforms_invalid':
      return 'platforms';
    case 'note_invalid':
    case 'note_has_phone':
      return 'note';
    default:
      return null;
  }
}
