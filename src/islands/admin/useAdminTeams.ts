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
 * changes or a team changes; what happened shows in `flash`.
 */
export function useAdminTeams() {
  const [filter, setFilter] = useState<TeamFilter>(ANY);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AdminTeamPage | null>(null);
  const flash = useFlash();
  const { show } = flash;

  const load = useCallback(
    async (targetPage: number) => {
      const answer = await callRpc(adminTeams, {
        search: filter.search.trim() || null,
        commune_code: filter.commune || null,
        active: filter.active === '' ? null : filter.active === 'true',
        overloaded: filter.overloaded || null,
        page: targetPage,
      });
      if (answer.ok) setData(answer.data);
      else show(errorText(answer.code), true);
    },
    [filter, show],
  );

  useEffect(() => {
    void load(1);
    // Only on first show; afterwards the filter form reloads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Shows another page of the same filters (1 when the filters are applied). */
  function goTo(target: number) {
    setPage(target);
    void load(target);
  }

  async function toggle(team: AdminTeam) {
    const answer = await callRpc(adminSetTeamActive, { team_id: team.id, active: !team.active });
    if (!answer.ok) return flash.show(errorText(answer.code), true);
    flash.show(
      answer.data.active
        ? t('admin.teams.reactivated', { code: team.code })
        : t('admin.teams.deactivated', { code: team.code, rerouted: answer.data.rerouted }),
    );
    void load(page);
  }

  const pages = data ? Math.max(1, Math.ceil(data.total / data.page_size)) : 1;
  return { filter, setFilter, page, pages, data, flash, goTo, reload: () => void load(page), toggle };
}
