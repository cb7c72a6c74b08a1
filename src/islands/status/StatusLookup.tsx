import { useEffect, useState } from 'react';
import '../shared/citizen.css';
import './status.css';
import type { RequestStatusAnswer } from '../../lib/api/status';
import { prefillErasure } from './erasure-fields';
import MyRequests from '../shared/MyRequests';
import PhoneLookup from './PhoneLookup';
import LookupForm, { codeToStart, type Credentials } from './LookupForm';
import StatusView from './StatusView';

/**
 * /tra-cuu/: the status of a request by reference code and phone, and cancelling it with a reason
 * (optionally erasing the personal data at once). The server answers the same "not found" whatever
 * is wrong, and rate-limits look-ups; no personal data ever comes back.
 */
export default function StatusLookup() {
  const [initialCode, setInitialCode] = useState('');
  // A code tapped in this device's list (a new object each tap, so the same code twice counts).
  const [picked, setPicked] = useState<{ code: string } | null>(null);
  const [found, setFound] = useState<{ result: RequestStatusAnswer; credentials: Credentials } | null>(null);

  useEffect(() => {
    const code = codeToStart();
    if (code) setInitialCode(code);
  }, []);

  const show = (result: RequestStatusAnswer, credentials: Credentials) => {
    setFound({ result, credentials });
    prefillErasure(credentials);
  };

  // Drawn on the server: the look-up form may be filled in and sent before React runs
  // (EarlySend.astro); this device's list (MyRequests) reads its storage once mounted.
  if (!found) {
    return (
      <>
        <LookupForm initialCode={initialCode} picked={picked} onFound={show} />
        <PhoneLookup onFound={show} />
        <MyRequests onPick={(code) => setPicked({ code })} />
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
        setPicked(null);
      }}
    />
  );
}
