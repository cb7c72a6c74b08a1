import { useCallback, useEffect, useState } from 'react';
import { callRpc, type RpcResult } from '../../lib/api/rpc';
import {
  cancelHelpSession,
  cancelHelpSessionDay,
  saveHelpSession,
  saveTeamPublicInfo,
  teamHelpSessions,
  type HelpSession,
  type HelpSessionInput,
  type TeamHelpSessions,
} from '../../lib/api/sessions';
import { sessionErrorText } from '../../lib/sessions/errors';
import type { FlashState } from '../shared/Flash';

/**
 * A team's public phone, listing and help sessions (team_help_sessions; `teamId` null: nothing to
 * read yet, an admin's choice is pending): read on show and after
 * each change, one change at a time. Every change answers with the server's result, for the form
 * to place its errors; reading errors go to `flash`.
 */
export function useHelpSessions(teamId: number | null, flash: FlashState) {
  const [data, setData] = useState<TeamHelpSessions | null>(null);
  const [busy, setBusy] = useState(false);
  const { showQuietly } = flash;

  const load = useCallback(async () => {
    if (teamId === null) return; // an admin whose team list has not arrived yet
    const answer = await callRpc(teamHelpSessions, { team_id: teamId });
    if (answer.ok) setData(answer.data);
    else showQuietly(sessionErrorText(answer.code));
  }, [teamId, showQuietly]);

  useEffect(() => {
    setData(null);
    void load();
  }, [load]);

  /** Runs one change (null while another is under way) and reads everything again after it. */
  async function change<T>(run: () => Promise<RpcResult<T>>): Promise<RpcResult<T> | null> {
    if (busy) return null;
    setBusy(true);
    const answer = await run();
    setBusy(false);
    if (answer.ok) await load();
    return answer;
  }

  return {
    data,
    busy,
    save: (session: HelpSessionInput) => change(() => callRpc(saveHelpSession, { session, team_id: teamId })),
    cancelDay: (session: HelpSession, day: string) => change(() => callRpc(cancelHelpSessionDay, { session_id: session.id, day })),
    cancelSeries: (session: HelpSession) => change(() => callRpc(cancelHelpSession, { session_id: session.id })),
    savePublic: (phone: string, listing: boolean) =>
      change(() => callRpc(saveTeamPublicInfo, { public_phone: phone.trim() || null, public_listing: listing, team_id: teamId })),
  };
}

export type HelpSessionsState = ReturnType<typeof useHelpSessions>;
