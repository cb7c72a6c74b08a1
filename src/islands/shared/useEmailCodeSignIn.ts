import { useRef, useState, type FormEvent } from 'react';
import type { AuthError } from '@supabase/supabase-js';
import { loadSupabase } from '../../lib/api/load-supabase';
import { t } from '../../lib/i18n/team';
import { cleanOtp, isEmail } from '../../lib/team/format';
import { useProblems } from './useProblems';

/** The message for a Supabase Auth error (codes as Supabase Auth and the local stand-in send them). */
function authErrorText(error: AuthError | Error): string {
  const code = 'code' in error ? String(error.code ?? '') : '';
  const status = 'status' in error ? Number(error.status) : 0;
  if (code === 'otp_expired' || status === 403) return t('team.signIn.error.wrongCode');
  if (code.startsWith('over_') || status === 429) return t('team.signIn.error.tooMany');
  return t('team.signIn.error.network');
}

/**
 * The steps of signing in with a code sent by email (Supabase Auth email OTP through supabase-js,
 * from loadSupabase()): send a code to an address, then check the code; send again, or start over
 * with another address. On success supabase-js stores the session and announces SIGNED_IN, which
 * the workspaces listen to; nothing else is kept.
 */
export function useEmailCodeSignIn() {
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  // One problem at a time, of the step's one field; a second with the same words is announced too.
  const problems = useProblems();
  const { fail: failWith, clear } = problems;
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const fail = (message: string) => failWith({ message });

  /** Sends a code to the address in the field, or to `typed` (read from the form before hydration). */
  async function sendCode(event?: FormEvent, typed?: string) {
    event?.preventDefault();
    if (busy) return;
    const address = (typed ?? email).trim().toLowerCase();
    if (!isEmail(address)) return fail(t('team.signIn.error.email'));
    setBusy(true);
    clear();
    const { error: failure } = await loadSupabase().then(
      (supabase) => supabase.auth.signInWithOtp({ email: address, options: { shouldCreateUser: true } }),
      (error: Error) => ({ error }),
    );
    setBusy(false);
    if (failure) return fail(authErrorText(failure));
    setEmail(address);
    setInfo(step === 'code' ? t('team.signIn.resent') : null);
    setStep('code');
    requestAnimationFrame(() => codeRef.current?.focus());
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const token = cleanOtp(code);
    if (!token) return fail(t('team.signIn.error.code'));
    setBusy(true);
    clear();
    const { error: failure } = await loadSupabase().then(
      (supabase) => supabase.auth.verifyOtp({ email, token, type: 'email' }),
      (error: Error) => ({ error }),
    );
    setBusy(false);
    if (failure) {
      fail(authErrorText(failure));
      // Retyping replaces the wrong code (the error box's link brings focus back here).
      codeRef.current?.select();
    }
  }

  /**
   * Starts downloading supabase-js, which sending the code needs: called when the form is first
   * used (focus, or typed before React ran), so the page's first view does not run it.
   */
  function prepare() {
    void loadSupabase().catch(() => {});
  }

  function otherEmail() {
    setStep('email');
    setCode('');
    clear();
    setInfo(null);
    requestAnimationFrame(() => emailRef.current?.focus());
  }

  return {
    step,
    email,
    setEmail,
    code,
    setCode,
    error: problems.message,
    focusKey: problems.focusKey,
    info,
    busy,
    emailRef,
    codeRef,
    sendCode,
    verify,
    otherEmail,
    prepare,
  };
}
