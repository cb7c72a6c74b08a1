import { useCallback, useEffect, useState } from 'react';
import { callRpc, type RpcResult } from '../../lib/api/rpc';
import {
  deleteOutreachEntry,
  outreachEntries,
  saveOutreachEntry,
  type OutreachEntry,
  type OutreachEntryInput,
  type OutreachEntryList,
} from '../../lib/api/outreach';

/** The outreach log as the workspace holds it. */
export interface OutreachState {
  /** The caller's own recent entries (null until first read). */
  mine: OutreachEntryList | null;
  /** The team's entries, for leaders and admins on a team (null otherwise or until read). */
  team: OutreachEntry[] | null;
  /** Error code of the last failed read. */
  error: string | null;
  /** A write is under way. */
  busy: boolean;
  refresh(): Promise<void>;
  save(entryId: number | null, entry: OutreachEntryInput): Promise<RpcResult<OutreachEntry>>;
  remove(entryId: number): Promise<RpcResult<{ deleted: true }>>;
}

/**
 * Reads the member's own entries (and the team's for a leader), writes and deletes entries, and
 * reads again after every change so both lists agree with the database.
 */
export function useOutreach(seesTeam: boolean): OutreachState {
  const [mine, setMine] = useState<OutreachEntryList | null>(null);
  const [team, setTeam] = useState<OutreachEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [own, all] = await Promise.all([
      callRpc(outreachEntries, { mine: true, page_size: 30 }),
      seesTeam ? callRpc(outreachEntries, { mine: false, page_size: 100 }) : Promise.resolve(null),
    ]);
    if (own.ok) setMine(own.data);
    if (all?.ok) setTeam(all.data.entries);
    const failed = !own.ok ? own : all && !all.ok ? all : null;
    setError(failed ? failed.code : null);
  }, [seesTeam]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const save = useCallback(
    async (entryId: number | null, entry: OutreachEntryInput) => {
      setBusy(true);
      const answer = await callRpc(saveOutreachEntry, { entry_id: entryId, entry });
      setBusy(false);
      if (answer.ok) await refresh();
      return answer;
    },
    [refresh],
  );

  const remove = useCallback(
    async (entryId: number) => {
      setBusy(true);
      const answer = await callRpc(deleteOutreachEntry, { entry_id: entryId });
      setBusy(false);
      if (answer.ok) await refresh();
      return answer;
    },
    [refresh],
  );

  return { mine, team, error, busy, refresh, save, remove };
}
