import { useState } from 'react';
import { t } from '../../lib/i18n/team';
import { callRpc } from '../../lib/api/rpc';
import { acceptRequest } from '../../lib/api/team';
import { primaryAction, secondaryActions, type Panel } from '../../lib/team/request-actions';
import { useRequest } from './useRequest';
import RequestStatus from './RequestStatus';
import ContactDetails from './ContactDetails';
import RequestNeeds from './RequestNeeds';
import NotesAndHistory from './NotesAndHistory';
import ActionForm from './ActionForm';
import ActionBar from './ActionBar';
import Flash from '../shared/Flash';
import type { GuideLinks, PlatformLinks } from './types';

interface Props {
  requestId: number;
  now: Date;
  guides: GuideLinks;
  platforms: PlatformLinks;
  /** Minimum unanswered calls before "could not reach" (from team_session). */
  minContactAttempts: number;
  /** Changes whenever the queue refreshes, so the open request refreshes with it. */
  refreshTick: number;
  onBack(): void;
  /** Something changed: the queue should refresh. */
  onChanged(): void;
  /**
   * The request was handed to another team and the caller no longer sees it (not an admin): back to
   * the queue with this message, instead of reading a request that is no longer the team's.
   */
  onHandedOver?: (message: string) => void;
}

/**
 * One request: what the citizen needs (with links to the guides), the contact details once the
 * member has accepted it (tel: link, verification word), notes and history, and the actions the
 * server allows now, with the primary one at the bottom of the screen within reach of a thumb.
 */
export default function RequestView(props: Props) {
  const { requestId, now, guides, platforms, minContactAttempts, refreshTick, onBack, onChanged, onHandedOver } = props;
  const request = useRequest(requestId, { refreshTick, onChanged, onHandedOver });
  const { detail, busy, titleRef } = request;
  const [panel, setPanel] = useState<Panel | null>(null);

  function openPanel(next: Panel) {
    setPanel(next);
    request.flash.clear();
  }

  // One heading for every state, so the focus it takes when the request opens stays on it when the
  // details arrive (React keeps the element).
  const title = (
    <h2 id="tw-detail-title" ref={titleRef} tabIndex={-1}>
      {detail ? t('team.detail.title', { commune: detail.commune.name }) : (request.gone ?? t('team.loading'))}
    </h2>
  );
  const back = (
    <button type="button" className="app-button app-button--secondary app-team__back" onClick={onBack}>
      {t('team.detail.back')}
    </button>
  );
  const flashBox = <Flash state={request.flash} />;

  if (!detail) {
    return (
      <section aria-labelledby="tw-detail-title">
        {back}
        {title}
        {flashBox}
      </section>
    );
  }

  const primary = primaryAction(detail);
  return (
    <section aria-labelledby="tw-detail-title" className="app-team__detail">
      {back}
      {title}
      <RequestStatus detail={detail} now={now} />
      {flashBox}
      <ContactDetails detail={detail} />
      <RequestNeeds detail={detail} guides={guides} platforms={platforms} />
      <NotesAndHistory
        detail={detail}
        now={now}
        onAddNote={!panel && detail.actions.includes('note') ? () => openPanel('note') : undefined}
      />
      {panel && (
        <ActionForm
          key={panel}
          panel={panel}
          detail={detail}
          request={request}
          minContactAttempts={minContactAttempts}
          onClose={() => setPanel(null)}
        />
      )}
      {!panel && (
        <ActionBar
          actions={detail.actions}
          primary={primary}
          secondary={secondaryActions(detail, primary)}
          busy={busy}
          onAccept={() => void request.act(() => callRpc(acceptRequest, { request_id: requestId }), () => t('team.accept.done'))}
          onOpen={openPanel}
        />
      )}
    </section>
  );
}
