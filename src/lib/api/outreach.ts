/**
 * Contracts of the outreach log (migration 20261128002200_outreach_log.sql): members write their
 * field work in /doi/, admins read the figures in /quan-tri/, the home page shows two province
 * totals. Every contract but outreach_totals needs a signed-in member and is a POST; each may also
 * answer `not_member`. Error codes are listed in src/lib/domain/outreach.ts.
 */
import * as z from 'zod/mini';
import { OUTREACH_KINDS } from '../domain/outreach';
import { defineRpc } from './rpc';

const id = z.int();
const count = z.int().check(z.nonnegative());

/** An entry as the form sends it; counts may be numbers or the digits typed (empty = 0). */
const entryInputSchema = z.object({
  kind: z.string(),
  people_helped: z.optional(z.union([z.number(), z.string()])),
  shops: z.optional(z.union([z.number(), z.string()])),
  flyers: z.optional(z.union([z.number(), z.string()])),
  participants: z.optional(z.union([z.number(), z.string()])),
  /** Commune code; absent or empty means the team's own commune. */
  commune_code: z.optional(z.nullable(z.string())),
  /** YYYY-MM-DD, Vietnam time. */
  day: z.string(),
  platforms: z.optional(z.array(z.string())),
  note: z.optional(z.nullable(z.string())),
});
export type OutreachEntryInput = z.output<typeof entryInputSchema>;

/** An entry as the workspace shows it. */
const entrySchema = z.object({
  id,
  team_id: id,
  kind: z.enum(OUTREACH_KINDS),
  day: z.string(),
  commune_code: z.string(),
  commune_name: z.string(),
  people_helped: count,
  shops: count,
  flyers: count,
  participants: count,
  platforms: z.array(z.string()),
  note: z.nullable(z.string()),
  member_id: id,
  /** The author's name (or the first part of their email). */
  member_name: z.string(),
  /** Written by the caller. */
  mine: z.boolean(),
  /** The caller may still edit or delete it (own, within edit_days). */
  editable: z.boolean(),
  editable_until: z.string(),
  created_at: z.string(),
});
export type OutreachEntry = z.output<typeof entrySchema>;

/**
 * save_outreach_entry(entry_id, entry): writes a new entry for the caller's team (`entry_id` null)
 * or changes one of the caller's own within the edit window. Rate-limited per member; audited.
 * Errors: no_team, rate_limited, not_found, not_yours, edit_closed, entry_invalid, kind_invalid,
 * count_invalid, counts_required, commune_unknown, day_invalid, day_future, day_too_old,
 * platforms_invalid, note_invalid, note_has_phone.
 */
export const saveOutreachEntry = defineRpc(
  'save_outreach_entry',
  { entry_id: z.optional(z.nullable(id)), entry: entryInputSchema },
  entrySchema,
);

/** delete_outreach_entry(entry_id): deletes one of the caller's own entries within the edit window. Errors: rate_limited, not_found, not_yours, edit_closed. */
export const deleteOutreachEntry = defineRpc('delete_outreach_entry', { entry_id: id }, z.object({ deleted: z.literal(true) }));

/** The entries of outreach_entries and the rules the form shows. */
const entryListSchema = z.object({
  entries: z.array(entrySchema),
  /** Days an author may edit or delete an entry after writing it. */
  edit_days: z.int(),
  /** How far back an entry's day may lie. */
  max_age_days: z.int(),
});
export type OutreachEntryList = z.output<typeof entryListSchema>;

/**
 * outreach_entries(mine, team_id, page_size): newest day first. `mine` (default): the caller's own;
 * otherwise a team's (leaders: their own team; admins: `team_id`). Errors: forbidden.
 */
export const outreachEntries = defineRpc(
  'outreach_entries',
  { mine: z.optional(z.boolean()), team_id: z.optional(z.nullable(id)), page_size: z.optional(z.int()) },
  entryListSchema,
);

/** The four counts and the number of entries, for one row of the statistics. */
const figuresShape = {
  entries: count,
  people_helped: count,
  shops: count,
  flyers: count,
  participants: count,
};

const outreachStatisticsSchema = z.object({
  scope: z.object({ from: z.string(), to: z.string(), team_id: z.nullable(id), team_name: z.nullable(z.string()) }),
  total: z.object(figuresShape),
  /** Every week (its Monday) of the range, empty weeks included. */
  by_week: z.array(z.object({ week: z.string(), ...figuresShape })),
  by_commune: z.array(z.object({ commune_code: z.string(), commune_name: z.string(), ...figuresShape })),
  by_team: z.array(z.object({ team_id: id, team_code: z.string(), team_name: z.string(), ...figuresShape })),
  by_kind: z.array(z.object({ kind: z.enum(OUTREACH_KINDS), ...figuresShape })),
});
export type OutreachStatistics = z.output<typeof outreachStatisticsSchema>;

/**
 * outreach_statistics(from_day, to_day, team_id): admins only. Figures of the entries whose day
 * lies in the range (YYYY-MM-DD, Vietnam time; default the last 90 days, at most 367), for the
 * province or one team. Errors: forbidden, range_invalid.
 */
export const outreachStatistics = defineRpc(
  'outreach_statistics',
  {
    from_day: z.optional(z.nullable(z.string())),
    to_day: z.optional(z.nullable(z.string())),
    team_id: z.optional(z.nullable(id)),
  },
  outreachStatisticsSchema,
);

/** outreach_totals(): anyone (anon). Province totals of people helped and shops supported, all time. */
export const outreachTotals = defineRpc('outreach_totals', {}, z.object({ people_helped: count, shops: count }));
