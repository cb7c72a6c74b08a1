import { useEffect, useState } from 'react';
import '../shared/citizen.css';
import './status.css';
import type { RequestStatusAnswer } from '../../lib/api/status';
import { readConfirmation } from '../../lib/booking/outbox';
import { normalizeReferenceCode } from '../../lib/domain/reference-code';
import { t } from '../../lib/i18n/status';
import { prefillErasure } from './erasure-fields';
import MyRequests from '../shared/MyRequests';
import PhoneLookup from './PhoneLookup';
import LookupForm, { type Credentials } from './LookupForm';
import StatusView from './StatusView';

/**
 * /tra-cuu/: the status of a request by reference code and phone, and cancelling it with a reason
 * (optionally erasing the personal data at once). The server answers the same "not found" whatever
 * is wrong, and rate-limits look-ups; no personal data ever comes back.
 */
export default function StatusLookup() {
  const [mounted, setMounted] = useState(false);
  const [initialCode, setInitialCode] = useState('');
  const [found, setFound] = useState<{ result: RequestStatusAnswer; credentials: Credentials } | null>(null);

  useEffect(() => {
    // A code from a link (?ma=, from this device's list or the notice after a resent booking), else
    // the code of a booking just made in this tab (never the phone: it is not kept).
    const fromLink = normalizeReferenceCode(new URLSearchParams(location.search).get('ma') ?? '');
    const confirmed = readConfirmation();
    if (fromLink) setInitialCode(fromLink);
    else if (confirmed) setInitialCode(confirmed.answer.reference_code);
    setMounted(true);
  }, []);

  const show = (result: RequestStatusAnswer, credentials: Credentials) => {
    setFound({ result, credentials });
    prefillErasure(credentials);
  };

  if (!mounted) return <p className="app-loading app-loading--lookup">{t('booking.loading')}</p>;
  if (!found) {
    return (
      <>
        <LookupForm initialCode={initialCode} onFound={show} />
        <PhoneLookup onFound={show} />
        <MyRequests onPick={setInitialCode} />
      </>
    );
  }
  return (
    <StatusView
      result={found.result}
      credentials={found.credentials}
      onChange={(result) => setFound({ ...found, result })}
      onAgain={() => {
        setFound(null);
        setInitialCode('');
      }}
    />
  );
}
