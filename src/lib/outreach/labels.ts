/**
 * The outreach log in words: kinds, platforms, an entry's figures, error messages. Texts live in
 * src/lib/i18n/vi/outreach.json.
 */
import { hasMessage, t, type MessageKey } from '../i18n/outreach';
import {
  OUTREACH_COUNTS,
  OUTREACH_ERROR_CODES,
  OUTREACH_NOTE_MAX,
  type OutreachCount,
  type OutreachKind,
} from '../domain/outreach';

/** A kind of work in words (a kind this site does not know, as it is). */
export function kindText(kind: string): string {
  const key = `outreach.kind.${kind}`;
  return hasMessage(key) ? t(key) : kind;
}

/** A platform id in words. */
export function platformText(platform: string): string {
  const key = `outreach.platform.${platform}`;
  return hasMessage(key) ? t(key) : platform;
}

/** The label of a count field. */
export function countLabel(count: OutreachCount): string {
  return t(`outreach.count.${count}`);
}

/** An entry's non-zero figures in words: "3 người được hỗ trợ · 2 cửa hàng". */
export function figuresText(entry: Record<OutreachCount, number>): string {
  return OUTREACH_COUNTS.filter((count) => entry[count] > 0)
    .map((count) => t(`outreach.figure.${count}`, { n: entry[count] }))
    .join(' · ');
}

/** The message for an error code of the outreach RPCs; limits fill the messages that name them. */
export function outreachErrorText(code: string, limits: { editDays?: number; maxAgeDays?: number } = {}): string {
  const known = (OUTREACH_ERROR_CODES as readonly string[]).includes(code) ? code : 'unexpected';
  return t(`outreach.error.${known}` as MessageKey, {
    days: known === 'day_too_old' ? (limits.maxAgeDays ?? 60) : (limits.editDays ?? 7),
    max: OUTREACH_NOTE_MAX,
  });
}

/** The kinds in words, for a picker. */
export function kindChoices(kinds: readonly OutreachKind[]): { value: OutreachKind; label: string }[] {
  return kinds.map((kind) => ({ value: kind, label: kindText(kind) }));
}
