/**
 * RPC wrappers of the admin workspace (/quan-tri/). Every
 * call goes through `callRpc`, so answers are validated and errors come back as stable codes:
 * `forbidden` (not an admin), `network`, and the codes listed per function.
 */
import { z } from 'zod';
import type { SupabaseClient } from '@supabase/supabase-js';
import { callRpc } from './rpc';
import {
  adminTeamPageSchema,
  importResultSchema,
  saveTeamResultSchema,
  setTeamActiveResultSchema,
  statisticsSchema,
  type AdminTeamFilters,
  type TeamFields,
} from '../schemas/admin';

/** Teams, filtered and paged (50 a page by default, at most 200). */
export function fetchAdminTeams(filters: AdminTeamFilters = {}, client?: SupabaseClient) {
  return callRpc(
    'admin_teams',
    {
      search: filters.search?.trim() || null,
      commune_code: filters.communeCode || null,
      active: filters.active ?? null,
      overloaded: filters.overloaded ?? null,
      page: filters.page ?? 1,
      page_size: filters.pageSize ?? 50,
    },
    adminTeamPageSchema,
    client,
  );
}

/**
 * Creates a team (`teamId` null) or edits one. Field problems come back in the answer
 * (`{ok: false, errors}`), not as an error. Errors: forbidden, team_not_found.
 */
export function saveAdminTeam(teamId: number | null, fields: TeamFields, client?: SupabaseClient) {
  return callRpc('admin_save_team', { team_id: teamId, team: fields }, saveTeamResultSchema, client);
}

/** Deactivates (or reactivates) a team; its requests not yet accepted go to other teams. */
export function setAdminTeamActive(teamId: number, active: boolean, client?: SupabaseClient) {
  return callRpc('admin_set_team_active', { team_id: teamId, active }, setTeamActiveResultSchema, client);
}

/**
 * Imports teams from the text of a CSV file (parsed and checked in SQL). All-or-nothing: with any
 * error nothing is written and `errors` lists them by line. `apply: false` only counts.
 */
export function importTeamsCsv(csv: string, options: { apply?: boolean } = {}, client?: SupabaseClient) {
  return callRpc('admin_import_teams', { csv, apply: options.apply ?? true }, importResultSchema, client);
}

/** Every team as CSV text in the import format. */
export function exportTeamsCsv(client?: SupabaseClient) {
  return callRpc('admin_export_teams', {}, z.string(), client);
}

/**
 * Statistics for a range of days (YYYY-MM-DD, Vietnam time; default the last 90) and optionally
 * one team. Admins: any; leaders: their own team. Errors: forbidden, range_invalid.
 */
export function fetchStatistics(
  options: { from?: string; to?: string; teamId?: number | null } = {},
  client?: SupabaseClient,
) {
  return callRpc(
    'request_statistics',
    { from_day: options.from ?? null, to_day: options.to ?? null, team_id: options.teamId ?? null },
    statisticsSchema,
    client,
  );
}
