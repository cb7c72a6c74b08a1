import { useState } from 'react';
import { t } from '../../lib/i18n/team';
import type { Member } from '../../lib/api/team';
import { ROLE_LABELS } from '../../lib/team/labels';
import { canRemove, isViewer, type MembersViewer } from '../../lib/team/members';

interface Props {
  members: Member[];
  viewer: MembersViewer;
  busy: boolean;
  /** Removes the member (after the viewer confirmed); false when another change is under way. */
  onRemove(member: Member): Promise<boolean>;
}

/** The members: name or email, role, whether they have signed in; "Xoá" asks to confirm first. */
export default function MemberList({ members, viewer, busy, onRemove }: Props) {
  const [confirming, setConfirming] = useState<Member | null>(null);
  if (members.length === 0) return <p>{t('team.members.empty')}</p>;

  async function remove(member: Member) {
    if (await onRemove(member)) setConfirming(null);
  }

  return (
    <ul className="app-team__members">
      {members.map((member) => (
        <li key={member.id}>
          <span>
            <strong>{member.name ?? member.email}</strong> {isViewer(viewer, member) && t('team.members.you')}
            <br />
            <span className="app-team__muted">
              {member.name && <>{member.email} · </>}
              {t(ROLE_LABELS[member.role])} · {member.signed_in ? t('team.members.signedIn') : t('team.members.notYet')}
            </span>
          </span>
          {canRemove(viewer, member) && (
            <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(member)}>
              {t('team.members.remove')}
              <span className="app-visually-hidden"> {member.email}</span>
            </button>
          )}
          {confirming?.id === member.id && (
            <div className="app-team__confirm">
              <p>{t('team.members.removeConfirm', { email: member.email })}</p>
              <div className="app-team__row">
                <button type="button" className="app-button" onClick={() => void remove(member)} aria-disabled={busy || undefined}>
                  {t('team.members.removeYes')}
                </button>
                <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(null)}>
                  {t('team.action.cancel')}
                </button>
              </div>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
