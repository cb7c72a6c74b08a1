import { useState, type FormEvent } from 'react';
import { t } from '../lib/i18n/admin';
import { getSupabase } from '../lib/supabase/client';

/**
 * Sign-in with a 6-digit code sent by email (Supabase Auth email OTP through supabase-js). On
 * success supabase-js keeps the session and fires onAuthStateChange, which the parent listens to.
 * Used by the admin workspace; no password anywhere.
 */
export default function EmailCodeSignIn() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(event: FormEvent) {
    event.preventDefault();
    const clean = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(clean)) return setError(t('admin.signIn.error.email'));
    setBusy(true);
    setError(null);
    // shouldCreateUser: the account is created at the first sign-in; rights come from app.members.
    const { error: failed } = await getSupabase().auth.signInWithOtp({ email: clean });
    setBusy(false);
    if (failed) return setError(t('admin.signIn.error.send'));
    setSentTo(clean);
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (!sentTo) return;
    const token = code.replace(/\D/g, '');
    if (token.length !== 6) return setError(t('admin.signIn.error.code'));
    setBusy(true);
    setError(null);
    const { error: failed } = await getSupabase().auth.verifyOtp({ email: sentTo, token, type: 'email' });
    setBusy(false);
    if (failed) setError(t('admin.signIn.error.failed'));
  }

  return (
    <section className="app-panel" aria-labelledby="signin-title">
      <h2 id="signin-title">{t('team.signIn.title')}</h2>
      <p>{t('admin.signIn.lead')}</p>
      {!sentTo ? (
        <form onSubmit={send} noValidate>
          <p>
            <label htmlFor="signin-email">{t('admin.signIn.email')}</label>
            <br />
            <input id="signin-email" className="app-input" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </p>
          <div role="alert">{error && <p className="app-admin__error">{error}</p>}</div>
          <button className="app-button" type="submit" disabled={busy}>
            {busy ? t('admin.signIn.sending') : t('admin.signIn.send')}
          </button>
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <p>
            <label htmlFor="signin-code">{t('admin.signIn.code')}</label>
            <br />
            <span className="app-admin__hint">{t('admin.signIn.codeHint', { email: sentTo })}</span>
            <br />
            <input id="signin-code" className="app-input" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          </p>
          <div role="alert">{error && <p className="app-admin__error">{error}</p>}</div>
          <button className="app-button" type="submit" disabled={busy}>
            {busy ? t('admin.signIn.verifying') : t('admin.signIn.verify')}
          </button>
        </form>
      )}
    </section>
  );
}
