import { statisticsSchema, type Statistics } from '../../src/lib/api/admin.ts';

/**
 * A small answer of request_statistics (two requests in two weeks of March 2025, one commune, one
 * need), checked against the contract, for the unit tests of what the admin workspace makes of it
 * (charts, CSV). `changes` replaces top-level parts (e.g. poster scans).
 */
export function statisticsFixture(changes: Partial<Statistics> = {}): Statistics {
  return statisticsSchema.parse({
    scope: { from: '2025-03-03', to: '2025-03-16', team_id: null, team_name: null, province: true },
    total: 2,
    by_status: { unassigned: 0, assigned: 0, accepted: 0, closed: 1, cancelled: 1 },
    by_outcome: { helped: 1 },
    by_commune: [{ commune_code: '06685', commune_name: 'Phường Hồng Gai', count: 2 }],
    by_need: [{ need: 'vneid', count: 2 }],
    by_week: [{ week: '2025-03-03', count: 2 }],
    time_to_accept: { count: 1, median_minutes: 30, p90_minutes: 30 },
    time_to_close: { count: 1, median_minutes: 120, p90_minutes: 120 },
    waiting_longest: [],
    stale_teams: [],
    stale_rules: { accept_within_minutes: 360, accepted_days: 7 },
    poster_scans: null,
    guide_feedback: null,
    ...changes,
  });
}
