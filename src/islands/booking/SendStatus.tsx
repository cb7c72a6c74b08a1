import { t } from '../../lib/i18n/booking';
import type { Phase } from './useSubmission';

interface Props {
  phase: Phase;
  /** The request was sent again after a reload (it was waiting in the outbox). */
  resumed: boolean;
  /** The server, not the network, seems to be failing. */
  serverDown: boolean;
  onRetry(): void;
}

/**
 * The submit button and, under it, what happens to the request: sending again after a reload, or
 * waiting for the network (or the server) with a button to try at once. Announced politely.
 */
export default function SendStatus({ phase, resumed, serverDown, onRetry }: Props) {
  const locked = phase === 'sending' || phase === 'waiting';
  return (
    <>
      <div className="app-submit">
        <button type="submit" className="app-button" aria-disabled={locked || undefined}>
          {phase === 'sending' ? t('booking.sending') : t('booking.submit')}
        </button>
      </div>

      <div role="status" aria-live="polite" className="app-booking__progress">
        {resumed && phase === 'sending' && <p>{t('booking.resumed')}</p>}
        {phase === 'waiting' && (
          <div className="app-callout">
            <p className="app-booking__waiting">
              <strong>{t('booking.waiting')}</strong>
            </p>
            <p>{serverDown ? t('booking.backendDown') : t('booking.waiting.detail')}</p>
            {serverDown && <GuidesLink />}
            <button type="button" className="app-button app-button--secondary" onClick={onRetry}>
              {t('booking.retryNow')}
            </button>
          </div>
        )}
      </div>
    </>
  );
}

/** Shown at the top while the form is filled in and the booking service cannot be reached. */
export function BackendDownNotice() {
  return (
    <div className="app-callout" role="status">
      <p>{t('booking.backendDown.notice')}</p>
      <GuidesLink />
    </div>
  );
}

/** Shown at the top while the form is filled in and the phone has no network. */
export function OfflineNotice() {
  return (
    <div className="app-callout" role="status">
      <p>{t('booking.offline.notice')}</p>
    </div>
  );
}

/** The way out when booking does not work: the guides, to try alone meanwhile. */
function GuidesLink() {
  return (
    <p>
      <a href="/huong-dan/">{t('booking.guidesLink')}</a>
    </p>
  );
}
