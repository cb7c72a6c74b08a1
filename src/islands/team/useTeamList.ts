import { useEffect, useState } from 'react';
import { callRpc } from '../../lib/api/rpc';
import { teamList, type TeamListItem } from '../../lib/api/team';

/**
 * Every team with its open and member counts (team_list), for an admin's choices in /doi/ (whose
 * queue, whose members); read once. Null while it loads, when it could not be read, and when
 * `enabled` is false (everyone but admins).
 */
export function useTeamList(enabled: boolean): TeamListItem[] | null {
  const [teams, setTeams] = useState<TeamListItem[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    void callRpc(teamList, {}).then((answer) => {
      if (answer.ok) setTeams(answer.data);
    });
  }, [enabled]);
  return teams;
}
