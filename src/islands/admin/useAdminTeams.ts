import { useCallback, useEffect, useState } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { adminSetTeamActive, adminTeams, type AdminTeam, type AdminTeamPage } from '../../lib/api/admin';
import { errorText } from '../../lib/admin/format';
import { useFlash } from '../shared/Flash';

/** The filters of the team list, as the form holds them. */
export interface TeamFilter {
  search: string;
  /** A commune code, '' for any. */
  commune: string;
  active: '' | 'true' | 'false';
  overloaded: boolean;
}

const ANY: TeamFilter = { search: '', commune: '', active: '', overloaded: false };

/**
 * The admin's team list (admin_teams): the filters as typed, the page shown, and deactivating or
 * reactivating a team. The list is read on first show, then when the filters are applied, the page
 * changes or a team changes; what happened shows in `flash`. A list the admin asked for (filters
 * applied, another page) that cannot be read says so in the error box, which takes focus; a read
 * of its own (the first, or after a change) says so quietly, leaving focus where it is.
 */
export function useAdminTeams() {
  const [filter, setFilter] = useState<TeamFilter>(ANY);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AdminTeamPage | null>(null);
  const flash = useFlash();
  const { show, showQuietly } = flash;

  const load = useCallback(
    async (of: TeamFilter, targetPage: number, asked: boolean) => {
      const answer = await callRpc(adminTeams, {
        search: of.search.trim() || null,
        commune_code: of.commune || null,
        active: of.active === '' ? null : of.active === 'true',
        overloaded: of.overloaded || null,
        page: targetPage,
      });
      if (answer.ok) setData(answer.data);
      else if (asked) show(errorText(answer.code), true);
      else showQuietly(errorText(answer.code));
    },
    [show, showQuietly],
  );

  // The first page of every team, once on first show; afterwards the filter form reloads.
  useEffect(() => {
    void load(ANY, 1, false);
  }, [load]);

  /** Shows another page of the filters as typed (1 when the filters are applied). */
  function goTo(target: number) {
    setPage(target);
    void load(filter, target, true);
  }

  async function toggle(team: AdminTeam) {
    const answer = await callRpc(adminSetTeamActive, { team_id: team.id, active: !team.active });
    if (!answer.ok) return show(errorText(answer.code), true);
    show(
      answer.data.active
        ? t('admin.teams.reactivated', { code: team.code })
        : t('admin.teams.deactivated', { code: team.code, rerouted: answer.data.rerouted }),
    );
    void load(filter, page, false);
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.page_size)) : 1;
  return { filter, setFilter, page, pages, data, flash, goTo, reload: () => void load(filter, page, false), toggle };
}
