import { useCallback, useEffect, useState } from 'react';
import { callRpc, type RpcResult } from '../../lib/api/rpc';
import { addTeamMember, removeTeamMember, teamMembers, type Member } from '../../lib/api/team';
import type { MemberRole } from '../../lib/domain/team-vocabulary';
import { errorText } from '../../lib/team/labels';
import type { FlashState } from '../shared/Flash';

/** The person the add form sends. */
export interface NewMember {
  email: string;
  name: string;
  role: MemberRole;
}

/**
 * The members of one team (or the admins on no team, `teamId` null): read on show and after each
 * change; adding and removing one at a time. Errors of reading and removing go to `flash` (a read
 * failing says so quietly, leaving focus where it is); adding answers with the server's result,
 * for the form to place at its field.
 */
export function useMembers(teamId: number | null, flash: FlashState) {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { show, showQuietly } = flash;

  const load = useCallback(async () => {
    const answer = await callRpc(teamMembers, { team_id: teamId });
    if (answer.ok) setMembers(answer.data);
    else showQuietly(errorText(answer.code));
  }, [teamId, showQuietly]);

  useEffect(() => {
    setMembers(null);
    void load();
  }, [load]);

  /** Adds a person; null while another change is under way. */
  async function add(person: NewMember): Promise<RpcResult<Member> | null> {
    if (busy) return null;
    setBusy(true);
    const answer = await callRpc(addTeamMember, { email: person.email, name: person.name.trim() || null, role: person.role, team_id: teamId });
    setBusy(false);
    if (answer.ok) void load();
    return answer;
  }

  /** Removes a member and says so (or why not); false when another change is under way. */
  async function remove(member: Member, removedText: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    const answer = await callRpc(removeTeamMember, { member_id: member.id });
    setBusy(false);
    if (answer.ok) {
      show(removedText);
      void load();
    } else {
      show(errorText(answer.code), true);
    }
    return true;
  }

  return { members, busy, add, remove };
}
