import { useRef, useState, type FormEvent } from 'react';
import type { AuthError } from '@supabase/supabase-js';
import { loadSupabase } from '../../lib/api/rpc';
import { t } from '../../lib/i18n/team';
import { cleanOtp, isEmail } from '../../lib/team/format';
import ErrorSummary from './ErrorSummary';
import Field from './Field';
import './flash.css';
import './SignIn.css';

interface Props {
  /** A message to show above the form (e.g. "you have signed out"). */
  notice?: string | null;
  /** Who the form is for, above the email field (default: the team workspace's members). */
  lead?: string;
}

/** The message for a Supabase Auth error (codes as Supabase Auth and the local stand-in send them). */
function authErrorText(error: AuthError | Error): string {
  const code = 'code' in error ? String(error.code ?? '') : '';
  const status = 'status' in error ? Number(error.status) : 0;
  if (code === 'otp_expired' || status === 403) return t('team.signIn.error.wrongCode');
  if (code.startsWith('over_') || status === 429) return t('team.signIn.error.tooMany');
  return t('team.signIn.error.network');
}

/**
 * Sign-in with a code sent by email (Supabase Auth email OTP through supabase-js, from
 * loadSupabase()): email, then the 6-digit code, with "send again" and "use another email". On
 * success supabase-js stores the session and announces SIGNED_IN, which the workspace listens to;
 * nothing else is kept. The one sign-in form of the team workspace (/doi/) and the admin workspace
 * (/quan-tri/, with its own lead text); accounts are created at the first sign-in, rights come from
 * app.members. A problem shows at the field and in the error box above it, which takes focus and
 * links to the field.
 */
export default function SignIn({ notice = null, lead }: Props) {
  const [step, setStep] = useState<'email' | 'code'>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [tries, setTries] = useState(0);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  /** Shows a problem (again: a second failure with the same words is announced too). */
  function fail(message: string) {
    setError(message);
    setTries((n) => n + 1);
  }

  async function sendCode(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const address = email.trim().toLowerCase();
    if (!isEmail(address)) return fail(t('team.signIn.error.email'));
    setBusy(true);
    setError(null);
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
    setError(null);
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

  function otherEmail() {
    setStep('email');
    setCode('');
    setError(null);
    setInfo(null);
    requestAnimationFrame(() => emailRef.current?.focus());
  }

  // One field per step: the box holds its one problem, linked to it, without a heading.
  const fieldId = step === 'email' ? 'tw-email' : 'tw-code';
  const summary = <ErrorSummary title={null} items={error ? [{ id: fieldId, message: error }] : []} focusKey={tries} />;

  return (
    <section className="app-signin" aria-labelledby="tw-signin-title">
      <h2 id="tw-signin-title">{t('team.signIn.title')}</h2>
      {notice && (
        <p className="app-notice" role="status">
          {notice}
        </p>
      )}
      {step === 'email' ? (
        <form onSubmit={sendCode} noValidate>
          <p>{lead ?? t('team.signIn.lead')}</p>
          {summary}
          <Field id="tw-email" label={t('team.signIn.email')} hint={t('team.signIn.emailHint')} error={error}>
            {(control) => (
              <input
                {...control}
                ref={emailRef}
                className="app-input"
                type="email"
                inputMode="email"
                autoComplete="email"
                autoCapitalize="off"
                spellCheck={false}
                maxLength={254}
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </Field>
          <div className="app-signin__bar">
            <button type="submit" className="app-button app-signin__submit" aria-disabled={busy || undefined}>
              {busy ? t('team.signIn.sending') : t('team.signIn.send')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          {info && (
            <p className="app-notice" role="status">
              {info}
            </p>
          )}
          {summary}
          <Field id="tw-code" label={t('team.signIn.code')} hint={t('team.signIn.codeHint', { email })} error={error}>
            {(control) => (
              <input
                {...control}
                ref={codeRef}
                className="app-input app-signin__code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </Field>
          <div className="app-signin__bar">
            <button type="submit" className="app-button app-signin__submit" aria-disabled={busy || undefined}>
              {busy ? t('team.signIn.verifying') : t('team.signIn.verify')}
            </button>
            <div className="app-signin__row">
              <button type="button" className="app-button app-button--secondary" onClick={() => void sendCode()}>
                {t('team.signIn.resend')}
              </button>
              <button type="button" className="app-button app-button--secondary" onClick={otherEmail}>
                {t('team.signIn.otherEmail')}
              </button>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
