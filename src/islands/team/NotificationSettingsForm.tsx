import { useState, type FormEvent } from 'react';
import type { NotificationSettings } from '../../lib/api/notifications';
import type { RpcResult } from '../../lib/api/rpc';
import { t } from '../../lib/i18n/team-notifications';
import { checkQuietHours, notifyErrorText } from '../../lib/team/push';
import Field from '../shared/Field';
import type { FlashState } from '../shared/Flash';
import type { SettingsChoice } from './useNotificationSettings';

interface Props {
  settings: NotificationSettings;
  busy: boolean;
  onSave(choice: SettingsChoice): Promise<RpcResult<NotificationSettings>>;
  flash: FlashState;
}

/**
 * Email on or off (to the sign-in address) and quiet hours, from–to in Vietnam time (push without
 * sound, email held until they end): both times or neither. The server checks them again.
 */
export default function NotificationSettingsForm({ settings, busy, onSave, flash }: Props) {
  const [email, setEmail] = useState(settings.email_enabled);
  const [from, setFrom] = useState(settings.quiet_from ?? '');
  const [to, setTo] = useState(settings.quiet_to ?? '');
  const [quietError, setQuietError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const quiet = checkQuietHours(from, to);
    if (!quiet.ok) {
      setQuietError(t('notifySettings.quiet.error'));
      document.getElementById('tw-quiet-from')?.focus();
      return;
    }
    setQuietError(null);
    const answer = await onSave({ email_enabled: email, quiet_from: quiet.from, quiet_to: quiet.to });
    if (answer.ok) flash.show(t('notifySettings.saved'));
    else if (answer.code === 'quiet_hours_invalid') setQuietError(t('notifySettings.quiet.error'));
    else flash.show(notifyErrorText(answer.code), true);
  }

  return (
    <form onSubmit={save} noValidate className="app-notify__settings">
      <h3>{t('notifySettings.email.title')}</h3>
      <Field id="tw-notify-email" hint={t('notifySettings.email.hint', { email: settings.email })}>
        {(control) => (
          <div className="app-check">
            <input {...control} type="checkbox" checked={email} onChange={(event) => setEmail(event.target.checked)} />
            <label htmlFor={control.id}>{t('notifySettings.email.label')}</label>
          </div>
        )}
      </Field>
      <fieldset className="app-notify__quiet" aria-describedby="tw-quiet-hint">
        <legend>
          <h3>{t('notifySettings.quiet.legend')}</h3>
        </legend>
        <p className="app-field__hint" id="tw-quiet-hint">
          {t('notifySettings.quiet.hint')}
        </p>
        {quietError && (
          <p className="app-field__error" role="alert">
            {quietError}
          </p>
        )}
        <div className="app-notify__times">
          <Field id="tw-quiet-from" label={t('notifySettings.quiet.from')}>
            {(control) => (
              <input {...control} className="app-input" type="time" value={from} onChange={(event) => setFrom(event.target.value)} />
            )}
          </Field>
          <Field id="tw-quiet-to" label={t('notifySettings.quiet.to')}>
            {(control) => (
              <input {...control} className="app-input" type="time" value={to} onChange={(event) => setTo(event.target.value)} />
            )}
          </Field>
        </div>
      </fieldset>
      <button type="submit" className="app-button" aria-disabled={busy || undefined}>
        {busy ? t('notifySettings.saving') : t('notifySettings.save')}
      </button>
    </form>
  );
}
