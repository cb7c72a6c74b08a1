import { useState } from 'react';
import { codeRightOnly, requestPhoneCode, requestsByPhone, type PhoneRequest } from '../../lib/api/notifications';
import { callRpc } from '../../lib/api/rpc';
import { foundOnly, requestStatus, type RequestStatusAnswer } from '../../lib/api/status';
import { t } from '../../lib/i18n/phone-lookup';
import { checkCode, checkPhone, phoneLookupProblem } from '../../lib/status/phone-lookup';
import { lookupErrorMessage } from '../../lib/status/lookup';
import { useProblems } from '../shared/useProblems';
import type { Credentials } from './LookupForm';

/** Where the citizen is: typing the phone, typing the code sent to it, choosing a request. */
export type PhoneLookupStep = 'phone' | 'code' | 'list';

/**
 * "Quên mã? Tìm bằng số điện thoại": the phone → request_phone_code (the same answer whether or not
 * the phone has requests) → the code from the message → requests_by_phone → the phone's requests;
 * choosing one asks request_status with its code and that phone, as the look-up form would.
 */
export function usePhoneLookup(onFound: (result: RequestStatusAnswer, credentials: Credentials) => void) {
  const [step, setStep] = useState<PhoneLookupStep>('phone');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  /** The phone the code was sent to, normalised. */
  const [sentTo, setSentTo] = useState('');
  const [requests, setRequests] = useState<PhoneRequest[]>([]);
  const [busy, setBusy] = useState(false);
  const problems = useProblems<'phone' | 'code'>();

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (busy) return undefined;
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  }

  const fail = (found: { field?: 'phone' | 'code'; message: string }) =>
    problems.fail(found.field ? { fields: { [found.field]: found.message } } : { message: found.message });

  /** Sends (or sends again) a code to the phone typed. */
  const sendCode = () =>
    run(async () => {
      const clean = checkPhone(step === 'phone' ? phone : sentTo);
      if (!clean) return problems.fail({ fields: { phone: t('phoneLookup.error.phone') } });
      const answer = await callRpc(requestPhoneCode, { phone: clean });
      if (!answer.ok) return fail(phoneLookupProblem('send', answer.code));
      problems.clear();
      setSentTo(clean);
      setCode('');
      setStep('code');
    });

  /** Lists the phone's requests for the code typed. */
  const showRequests = () =>
    run(async () => {
      const clean = checkCode(code);
      if (!clean) return problems.fail({ fields: { code: t('phoneLookup.error.code') } });
      const answer = codeRightOnly(await callRpc(requestsByPhone, { phone: sentTo, code: clean }));
      if (!answer.ok) return fail(phoneLookupProblem('lookup', answer.code));
      problems.clear();
      setRequests(answer.data.requests);
      setStep('list');
    });

  /** Opens one of the listed requests (its status, by its code and the phone). */
  const open = (referenceCode: string) =>
    run(async () => {
      const answer = foundOnly(await callRpc(requestStatus, { code: referenceCode, phone: sentTo }));
      if (!answer.ok) return problems.fail({ message: lookupErrorMessage(answer.code) });
      onFound(answer.data, { code: referenceCode, phone: sentTo });
    });

  /** Back to typing another phone. */
  const restart = () => {
    problems.clear();
    setStep('phone');
    setCode('');
    setRequests([]);
  };

  return { step, phone, setPhone, code, setCode, sentTo, requests, busy, problems, sendCode, showRequests, open, restart };
}
