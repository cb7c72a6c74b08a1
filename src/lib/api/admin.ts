/**
 * Contracts of the admin workspace /quan-tri/ (migrations 20261128001500_team_admin.sql and
 * 20261128001600_statistics.sql): teams, CSV import and export, statistics. Each needs a signed-in
 * admin unless said otherwise, and answers `forbidden` to anyone else. The admins' member list
 * uses the team contracts (team_members, add_team_member, remove_team_member).
 */
import * as z from 'zod/mini';
import { teamFieldsSchema } from '../schemas/team-fields';
import { defineRpc } from './rpc';

const id = z.int();

// ---------------------------------------------------------------------------------------------
// Teams

/** A team as the admin workspace shows it. */
const adminTeamSchema = z.object({
  id,
  /** Stable code, the import's upsert key; never changes once created. */
  code: z.string(),
  name: z.string(),
  commune_code: z.string(),
  commune_name: z.string(),
  base_lat: z.number(),
  base_lon: z.number(),
  service_radius_m: z.int(),
  capacity: z.int(),
  public_phone: z.nullable(z.string()),
  /** False once deactivated (teams are never deleted). */
  active: z.boolean(),
  is_demo: z.boolean(),
  /** Communes the team covers, its own included, sorted by code. */
  covers: z.array(z.string()),
  /** Requests assigned to or accepted by the team now. */
  open_count: z.int(),
  updated_at: z.string(),
});
export type AdminTeam = z.output<typeof adminTeamSchema>;

/** One page of the team list. */
const adminTeamPageSchema = z.object({
  total: z.int(),
  page: z.int(),
  page_size: z.int(),
  teams: z.array(adminTeamSchema),
});
export type AdminTeamPage = z.output<typeof adminTeamPageSchema>;

/** One problem with a field: which column and a stable code (`required`, `invalid`, …). */
const fieldErrorSchema = z.object({
  column: z.nullable(z.string()),
  code: z.string(),
  /** The value that was wrong, as written (cut to 60 characters); absent when there was none. */
  value: z.optional(z.string()),
});

/**
 * admin_teams(search, commune_code, active, overloaded, page, page_size): teams filtered and paged
 * by code (50 a page by default, at most 200). Unset filters mean "any": `search` matches code or
 * name with or without diacritics, `commune_code` the team's own or a covered commune,
 * `overloaded` open requests at or over capacity.
 */
export const adminTeams = defineRpc(
  'admin_teams',
  {
    search: z.optional(z.nullable(z.string())),
    commune_code: z.optional(z.nullable(z.string())),
    active: z.optional(z.nullable(z.boolean())),
    overloaded: z.optional(z.nullable(z.boolean())),
    page: z.optional(z.int()),
    page_size: z.optional(z.int()),
  },
  adminTeamPageSchema,
);

/**
 * admin_save_team(team_id, team): creates a team (`team_id` null) or edits one; the fields are
 * text, with the rules of a CSV row. Field problems come back in the answer (`{ok: false,
 * errors}`), not as an error; a team's code never changes. Errors: payload_invalid, team_not_found.
 */
export const adminSaveTeam = defineRpc(
  'admin_save_team',
  { team_id: z.nullable(id), team: teamFieldsSchema },
  z.union([
    z.object({ ok: z.literal(true), team: adminTeamSchema }),
    z.object({ ok: z.literal(false), errors: z.array(fieldErrorSchema) }),
  ]),
);

/**
 * admin_set_team_active(team_id, active): deactivates (or reactivates) a team; teams are never
 * deleted. Its requests not yet accepted go to other teams (`rerouted` counts them).
 * Errors: payload_invalid, team_not_found.
 */
export const adminSetTeamActive = defineRpc(
  'admin_set_team_active',
  { team_id: id, active: z.boolean() },
  z.object({ id, active: z.boolean(), rerouted: z.int() }),
);

// ---------------------------------------------------------------------------------------------
// CSV import and export

/** An import error: its line in the file (1 = header), column and code. */
const importErrorSchema = z.extend(fieldErrorSchema, {
  line: z.nullable(z.int()),
  /** For `duplicate`: the line where the code first appeared. */
  first_line: z.optional(z.int()),
});

/** Answer of the CSV import: counts when it went through, errors (nothing written) when not. */
const importResultSchema = z.object({
  ok: z.boolean(),
  applied: z.boolean(),
  rows: z.optional(z.int()),
  created: z.optional(z.int()),
  updated: z.optional(z.int()),
  unchanged: z.optional(z.int()),
  error_count: z.int(),
  /** At most 200, sorted by line. */
  errors: z.array(importErrorSchema),
});
export type ImportResult = z.output<typeof importResultSchema>;

/**
 * admin_import_teams(csv, apply): imports teams from the text of a CSV file, parsed and checked in
 * SQL. All-or-nothing: with any error nothing is written and `errors` lists them by line; teams
 * are matched by code, so importing a file twice changes nothing. `apply: false` only counts.
 */
export const adminImportTeams = defineRpc(
  'admin_import_teams',
  { csv: z.string(), apply: z.optional(z.boolean()) },
  importResultSchema,
);

/** admin_export_teams(): every team as CSV text in the import format. */
export const adminExportTeams = defineRpc('admin_export_teams', {}, z.string());

// ---------------------------------------------------------------------------------------------
// Statistics

const countSchema = z.int();
const durationSchema = z.object({
  count: countSchema,
  median_minutes: z.nullable(z.number()),
  p90_minutes: z.nullable(z.number()),
});

/** Answer of `request_statistics`: counts only, no personal data. */
export const statisticsSchema = z.object({
  scope: z.object({
    from: z.string(),
    to: z.string(),
    team_id: z.nullable(id),
    team_name: z.nullable(z.string()),
    /** True when the figures cover the whole province. */
    province: z.boolean(),
  }),
  total: countSchema,
  by_status: z.record(z.string(), countSchema),
  by_outcome: z.record(z.string(), countSchema),
  by_commune: z.array(z.object({ commune_code: z.string(), commune_name: z.string(), count: countSchema })),
  by_need: z.array(z.object({ need: z.string(), count: countSchema })),
  /** Every week of the range (Monday dates), zeros included. */
  by_week: z.array(z.object({ week: z.string(), count: countSchema })),
  time_to_accept: durationSchema,
  time_to_close: durationSchema,
  waiting_longest: z.array(
    z.object({
      reference_code: z.string(),
      status: z.string(),
      commune_name: z.string(),
      team_code: z.nullable(z.string()),
      waiting_minutes: z.number(),
    }),
  ),
  stale_teams: z.array(
    z.object({
      team_id: id,
      team_code: z.string(),
      team_name: z.string(),
      not_accepted: countSchema,
      accepted_not_closed: countSchema,
      oldest_minutes: z.number(),
    }),
  ),
  stale_rules: z.object({ accept_within_minutes: z.number(), accepted_days: z.number() }),
  /** The citizens' answers to "Tổ đã giúp được bạn chưa?" after closing, for these requests. */
  help_ratings: z.optional(z.object({ helped: countSchema, not_helped: countSchema })),
  /** Province-wide, admins only (null for a team's view). */
  poster_scans: z.nullable(
    z.object({ total: countSchema, top: z.array(z.object({ poster: z.string(), scans: countSchema })) }),
  ),
  /** Province-wide, admins only (null for a team's view). */
  guide_feedback: z.nullable(
    z.object({
      helpful: countSchema,
      not_helpful: countSchema,
      error_reports: countSchema,
      by_guide: z.array(
        z.object({
          guide_code: z.string(),
          helpful: countSchema,
          not_helpful: countSchema,
          error_reports: countSchema,
        }),
      ),
    }),
  ),
});
export type Statistics = z.output<typeof statisticsSchema>;

/**
 * request_statistics(from_day, to_day, team_id): statistics of the requests created in a range of
 * days (YYYY-MM-DD, Vietnam time; default the last 90, at most 367), for the province or one team.
 * Admins: any; team leaders: their own team (the default for them). Poster scans and guide
 * feedback are province-wide, for admins only. Errors: forbidden, range_invalid.
 */
export const requestStatistics = defineRpc(
  'request_statistics',
  {
    from_day: z.optional(z.nullable(z.string())),
    to_day: z.optional(z.nullable(z.string())),
    team_id: z.optional(z.nullable(id)),
  },
  statisticsSchema,
);
