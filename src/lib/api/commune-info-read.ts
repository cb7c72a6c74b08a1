/**
 * The public read of commune_public_info (./sessions.ts) for the commune page and the team poster:
 * the published teams and help sessions of a commune, checked without zod (see ./public-read.ts,
 * and tests/unit/public-read.test.ts, which holds the check to the contract's schema). A module of
 * its own so that the other public reads' pages do not download these checks.
 */
import { isInt, isRecord, isText, isTextOrNull, type PublicRead } from './public-read';
import type { CommunePublicInfo, communePublicInfo } from './sessions';

const isArrayOf = (value: unknown, isItem: (item: unknown) => boolean) => Array.isArray(value) && value.every(isItem);
/** The day (YYYY-MM-DD) and clock (HH:MM) patterns of ./sessions.ts. */
const isDay = (value: unknown) => isText(value) && /^\d{4}-\d{2}-\d{2}$/.test(value as string);
const isClock = (value: unknown) => isText(value) && /^\d{2}:\d{2}$/.test(value as string);
const isCommuneRef = (value: unknown) => isRecord(value) && isText(value.code) && isText(value.name) && isText(value.slug);

const isPublicTeam = (value: unknown) => isRecord(value) && isText(value.code) && isText(value.name) && isTextOrNull(value.phone);

const isPublicSession = (value: unknown) =>
  isRecord(value) &&
  isInt(value.id) &&
  isCommuneRef(value.commune) &&
  isText(value.place_name) &&
  isText(value.address) &&
  isDay(value.first_day) &&
  (value.until_day === null || isDay(value.until_day)) &&
  isArrayOf(value.weekdays, isInt) &&
  isClock(value.starts_at) &&
  isClock(value.ends_at) &&
  isArrayOf(value.topics, isText) &&
  isTextOrNull(value.note) &&
  isArrayOf(value.cancelled_days, isDay) &&
  isText(value.team_code) &&
  isText(value.team_name);

/** commune_public_info: the commune page's published teams and help sessions. */
export const communeInfoRead: PublicRead<typeof communePublicInfo> = {
  name: 'commune_public_info',
  isAnswer: (value): value is CommunePublicInfo =>
    isRecord(value) &&
    isCommuneRef(value.commune) &&
    isArrayOf(value.teams, isPublicTeam) &&
    isArrayOf(value.sessions, isPublicSession),
};
