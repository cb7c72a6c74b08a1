import { useRef } from 'react';
import { t } from '../../lib/i18n/team';
import { typedText, useEarlySend, useHydrated } from './early-send';
import ErrorSummary from './ErrorSummary';
import TextField from './TextField';
import { useEmailCodeSignIn } from './useEmailCodeSignIn';
import './flash.css';
import './SignIn.css';

interface Props {
  /** A message to show above the form (e.g. "you have signed out"). */
  notice?: string | null;
  /** Who the form is for, above the email field (default: the team workspace's members). */
  lead?: string;
}

/**
 * Sign-in with a code sent by email (the steps are in useEmailCodeSignIn): email, then the 6-digit
 * code, with "send again" and "use another email". The one sign-in form of the team workspace
 * (/doi/) and the admin workspace (/quan-tri/, with its own lead text); accounts are created at the
 * first sign-in, rights come from app.members. A problem shows at the field and in the error box
 * above it, which takes focus and links to the field.
 */
export default function SignIn({ notice = null, lead }: Props) {
  const signIn = useEmailCodeSignIn();
  const { step, email, code, error, busy } = signIn;
  // On /doi/ the email step is rendered on the server and may be filled in and sent before React
  // runs (EarlySend.astro): take the address, and send the code now if it was asked for.
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  useEarlySend(formRef, (form, { sent }) => {
    const typed = typedText(form, 'tw-email');
    if (typed) signIn.setEmail(typed);
    if (sent) void signIn.sendCode(undefined, typed);
    else if (typed || form.contains(document.activeElement)) signIn.prepare();
  });

  // One field per step: the box holds its one problem, linked to it, without a heading.
  const fieldId = step === 'email' ? 'tw-email' : 'tw-code';
  const summary = <ErrorSummary title={null} items={error ? [{ id: fieldId, message: error }] : []} focusKey={signIn.focusKey} />;

  return (
    // Focus bubbles here from the fields and buttons: the first use fetches supabase-js.
    <section className="app-signin" aria-labelledby="tw-signin-title" onFocus={signIn.prepare}>
      <h2 id="tw-signin-title">{t('team.signIn.title')}</h2>
      {notice && (
        <p className="app-notice" role="status">
          {notice}
        </p>
      )}
      {step === 'email' ? (
        <form id="tw-signin" ref={formRef} data-hydrated={hydrated ? '' : undefined} onSubmit={signIn.sendCode} noValidate>
          <p>{lead ?? t('team.signIn.lead')}</p>
          {summary}
          <TextField
            id="tw-email"
            label={t('team.signIn.email')}
            hint={t('team.signIn.emailHint')}
            error={error}
            ref={signIn.emailRef}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={254}
            value={email}
            onChange={signIn.setEmail}
          />
          <div className="app-signin__bar">
            <button type="submit" className="app-button app-signin__submit" aria-disabled={busy || undefined}>
              {busy ? t('team.signIn.sending') : t('team.signIn.send')}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={signIn.verify} noValidate>
          {signIn.info && (
            <p className="app-notice" role="status">
              {signIn.info}
            </p>
          )}
          {summary}
          <TextField
            id="tw-code"
            label={t('team.signIn.code')}
            hint={t('team.signIn.codeHint', { email })}
            error={error}
            ref={signIn.codeRef}
            className="app-signin__code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={12}
            value={code}
            onChange={signIn.setCode}
          />
          <div className="app-signin__bar">
            <button type="submit" className="app-button app-signin__submit" aria-disabled={busy || undefined}>
              {busy ? t('team.signIn.verifying') : t('team.signIn.verify')}
            </button>
            <div className="app-signin__row">
              <button type="button" className="app-button app-button--secondary" onClick={() => void signIn.sendCode()}>
                {t('team.signIn.resend')}
              </button>
              <button type="button" className="app-button app-button--secondary" onClick={signIn.otherEmail}>
                {t('team.signIn.otherEmail')}
              </button>
            </div>
          </div>
        </form>
      )}
    </section>
  );
}
