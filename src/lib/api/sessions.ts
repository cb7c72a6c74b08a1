/**
 * Contracts of help sessions and commune pages (migrations 20261128002000_help_sessions.sql and
 * 20261128002100_commune_pages.sql). commune_public_info is anyone's (anon) and returns only what
 * teams chose to publish; the others need a signed-in member and are POSTs.
 */
import * as z from 'zod/mini';
import { defineRpc } from './rpc';

const id = z.int();
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const clock = z.string().check(z.regex(/^\d{2}:\d{2}$/));
const communeRef = z.object({ code: z.string(), name: z.string(), slug: z.string() });

/** A help session series: a one-off day (no weekdays) or weekly on ISO weekdays until a day. */
const helpSessionSchema = z.object({
  id,
  commune: communeRef,
  place_name: z.string(),
  address: z.string(),
  first_day: day,
  until_day: z.nullable(day),
  /** ISO weekdays, 1 = Monday … 7 = Sunday; empty for a one-off. */
  weekdays: z.array(z.int()),
  starts_at: clock,
  ends_at: clock,
  /** Platform ids; empty means any. */
  topics: z.array(z.string()),
  note: z.nullable(z.string()),
  /** Cancelled days of the series from today on. */
  cancelled_days: z.array(day),
});
export type HelpSession = z.output<typeof helpSessionSchema>;

/** A session as the commune page gets it: with the team that runs it. */
const publicSessionSchema = z.extend(helpSessionSchema, { team_code: z.string(), team_name: z.string() });
export type PublicSession = z.output<typeof publicSessionSchema>;

/** What a commune page shows of the teams serving it. */
const communePublicInfoSchema = z.object({
  commune: communeRef,
  /** Publicly listed active teams; `phone` is the team's public number. */
  teams: z.array(z.object({ code: z.string(), name: z.string(), phone: z.nullable(z.string()) })),
  sessions: z.array(publicSessionSchema),
});
export type CommunePublicInfo = z.output<typeof communePublicInfoSchema>;

/**
 * commune_public_info(commune): the published teams (name, public phone) and current help sessions
 * of one commune, by slug or code. Anyone (anon); nothing personal. Errors: commune_unknown.
 */
export const communePublicInfo = defineRpc('commune_public_info', { commune: z.string() }, communePublicInfoSchema);

/** The team's public information and sessions in /doi/. */
const teamHelpSessionsSchema = z.object({
  team: z.object({
    id,
    code: z.string(),
    name: z.string(),
    commune: communeRef,
    /** The team's own commune first, then those it covers. */
    communes: z.array(communeRef),
    public_phone: z.nullable(z.string()),
    public_listing: z.boolean(),
    active: z.boolean(),
  }),
  /** Whether the caller may change them (leaders and admins). */
  can_change: z.boolean(),
  sessions: z.array(helpSessionSchema),
});
export type TeamHelpSessions = z.output<typeof teamHelpSessionsSchema>;

/**
 * team_help_sessions(team_id): the team's public phone and listing and its current sessions
 * (members: own team; admins: the named team). Errors: forbidden, team_invalid.
 */
export const teamHelpSessions = defineRpc('team_help_sessions', { team_id: z.optional(z.nullable(id)) }, teamHelpSessionsSchema);

/** A session as typed in /doi/ (the SQL checks every field). */
export interface HelpSessionInput {
  place_name: string;
  address: string;
  commune_code: string;
  first_day: string;
  starts_at: string;
  ends_at: string;
  weekdays: number[];
  until_day: string | null;
  topics: string[];
  note: string | null;
}

/**
 * save_help_session(session, team_id): creates a series (leaders: own team; admins: team_id).
 * Errors: forbidden, team_invalid, payload_invalid, place_invalid, address_invalid,
 * commune_invalid, day_invalid, time_invalid, weekdays_invalid, until_invalid, topics_invalid,
 * note_invalid, rate_limited.
 */
export const saveHelpSession = defineRpc(
  'save_help_session',
  { session: z.custom<HelpSessionInput>(), team_id: z.optional(z.nullable(id)) },
  helpSessionSchema,
);

/**
 * cancel_help_session_day(session_id, day): "Nghỉ buổi 13/12". Errors: not_found, forbidden,
 * session_cancelled, day_not_in_series, rate_limited.
 */
export const cancelHelpSessionDay = defineRpc('cancel_help_session_day', { session_id: id, day }, helpSessionSchema);

/** cancel_help_session(session_id): cancels the whole series. Errors: not_found, forbidden, session_cancelled, rate_limited. */
export const cancelHelpSession = defineRpc(
  'cancel_help_session',
  { session_id: id },
  z.object({ id, cancelled: z.literal(true) }),
);

/**
 * save_team_public_info(public_phone, public_listing, team_id): the team's public phone (empty for
 * none) and whether it is listed on the commune pages (needs a phone). Errors: forbidden,
 * team_invalid, payload_invalid, phone_invalid, phone_required, rate_limited.
 */
export const saveTeamPublicInfo = defineRpc(
  'save_team_public_info',
  { public_phone: z.nullable(z.string()), public_listing: z.boolean(), team_id: z.optional(z.nullable(id)) },
  z.object({ public_phone: z.nullable(z.string()), public_listing: z.boolean() }),
);
