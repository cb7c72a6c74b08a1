/**
 * Shapes of the admin RPCs (migrations 20261128050000–050200): teams, CSV import, statistics and
 * the citizen's erasure request. Islands and tests validate every answer with these.
 */
import { z } from 'zod';

/** The columns of the team CSV, in the order the template and the export use. */
export const TEAM_CSV_COLUMNS = [
  'code',
  'name',
  'commune',
  'base_lat',
  'base_lon',
  'service_radius_m',
  'capacity',
  'public_phone',
  'active',
  'covers',
] as const;
export type TeamCsvColumn = (typeof TEAM_CSV_COLUMNS)[number];

/** A team as the admin workspace shows it. */
export const adminTeamSchema = z.object({
  id: z.number().int(),
  /** Stable code, the import's upsert key; never changes once created. */
  code: z.string(),
  name: z.string(),
  commune_code: z.string(),
  commune_name: z.string(),
  base_lat: z.number(),
  base_lon: z.number(),
  service_radius_m: z.number().int(),
  capacity: z.number().int(),
  public_phone: z.string().nullable(),
  /** False once deactivated (teams are never deleted). */
  active: z.boolean(),
  is_demo: z.boolean(),
  /** Communes the team covers, its own included, sorted by code. */
  covers: z.array(z.string()),
  /** Requests assigned to or accepted by the team now. */
  open_count: z.number().int(),
  updated_at: z.string(),
});
export type AdminTeam = z.output<typeof adminTeamSchema>;

/** One page of the team list. */
export const adminTeamPageSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
  teams: z.array(adminTeamSchema),
});
export type AdminTeamPage = z.output<typeof adminTeamPageSchema>;

/** Filters of the team list; unset means "any". */
export interface AdminTeamFilters {
  /** Code or name, with or without diacritics. */
  search?: string;
  /** Own or covered commune. */
  communeCode?: string;
  active?: boolean;
  /** Open requests at or over capacity. */
  overloaded?: boolean;
  page?: number;
  pageSize?: number;
}

/** One problem with a field: which column and a stable code (`required`, `invalid`, …). */
export const fieldErrorSchema = z.object({
  column: z.string().nullable(),
  code: z.string(),
});

/** An import error: its line in the file (1 = header), column and code. */
export const importErrorSchema = fieldErrorSchema.extend({
  line: z.number().int().nullable(),
  /** For `duplicate`: the line where the code first appeared. */
  first_line: z.number().int().optional(),
});
export type ImportError = z.output<typeof importErrorSchema>;

/** Answer of the CSV import: counts when it went through, errors (nothing written) when not. */
export const importResultSchema = z.object({
  ok: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int().optional(),
  created: z.number().int().optional(),
  updated: z.number().int().optional(),
  unchanged: z.number().int().optional(),
  error_count: z.number().int(),
  /** At most 200, sorted by line. */
  errors: z.array(importErrorSchema),
});
export type ImportResult = z.output<typeof importResultSchema>;

/** Fields of the team form, as text (the same rules as a CSV row). */
export type TeamFields = Partial<Record<TeamCsvColumn, string>>;

/** Answer of saving a team. */
export const saveTeamResultSchema = z.union([
  z.object({ ok: z.literal(true), team: adminTeamSchema }),
  z.object({ ok: z.literal(false), errors: z.array(fieldErrorSchema) }),
]);
export type SaveTeamResult = z.output<typeof saveTeamResultSchema>;

/** Answer of (de)activating a team. */
export const setTeamActiveResultSchema = z.object({
  id: z.number().int(),
  active: z.boolean(),
  /** Requests not yet accepted that went to other teams. */
  rerouted: z.number().int(),
});

const durationSchema = z.object({
  count: z.number().int(),
  median_minutes: z.number().nullable(),
  p90_minutes: z.number().nullable(),
});

/** Answer of `request_statistics`: counts only, no personal data. */
export const statisticsSchema = z.object({
  scope: z.object({
    from: z.string(),
    to: z.string(),
    team_id: z.number().int().nullable(),
    team_name: z.string().nullable(),
    /** True when the figures cover the whole province. */
    province: z.boolean(),
  }),
  total: z.number().int(),
  by_status: z.record(z.string(), z.number().int()),
  by_outcome: z.record(z.string(), z.number().int()),
  by_commune: z.array(z.object({ commune_code: z.string(), commune_name: z.string(), count: z.number().int() })),
  by_need: z.array(z.object({ need: z.string(), count: z.number().int() })),
  /** Every week of the range (Monday dates), zeros included. */
  by_week: z.array(z.object({ week: z.string(), count: z.number().int() })),
  time_to_accept: durationSchema,
  time_to_close: durationSchema,
  waiting_longest: z.array(
    z.object({
      reference_code: z.string(),
      status: z.string(),
      commune_name: z.string(),
      team_code: z.string().nullable(),
      waiting_minutes: z.number(),
    }),
  ),
  stale_teams: z.array(
    z.object({
      team_id: z.number().int(),
      team_code: z.string(),
      team_name: z.string(),
      not_accepted: z.number().int(),
      accepted_not_closed: z.number().int(),
      oldest_minutes: z.number(),
    }),
  ),
  stale_rules: z.object({ accept_within_minutes: z.number(), accepted_days: z.number() }),
  /** Province-wide, admins only (null for a team's view). */
  poster_scans: z
    .object({ total: z.number().int(), top: z.array(z.object({ poster: z.string(), scans: z.number().int() })) })
    .nullable(),
  /** Province-wide, admins only (null for a team's view). */
  guide_feedback: z
    .object({
      helpful: z.number().int(),
      not_helpful: z.number().int(),
      error_reports: z.number().int(),
      by_guide: z.array(
        z.object({
          guide_code: z.string(),
          helpful: z.number().int(),
          not_helpful: z.number().int(),
          error_reports: z.number().int(),
        }),
      ),
    })
    .nullable(),
});
export type Statistics = z.output<typeof statisticsSchema>;
