import { useCallback } from 'react';
import './NotificationsPanel.css';
import { vietnamDateTime } from '../../lib/domain/vietnam-time';
import { t } from '../../lib/i18n/team-notifications';
import { notifyErrorText, type PushSupport } from '../../lib/team/push';
import Flash, { useFlash } from '../shared/Flash';
import NotificationSettingsForm from './NotificationSettingsForm';
import { useNotificationSettings } from './useNotificationSettings';
import { usePushDevice } from './usePushDevice';

/**
 * The member's notifications (/doi/, "Thông báo"): "Bật thông báo" on this device (the browser asks
 * for permission only after that tap), or why it cannot (on iPhone and iPad outside the Home Screen,
 * blocked, unsupported); the devices that get notifications, each removable; email on or off and
 * quiet hours (NotificationSettingsForm). The server keeps one subscription per device.
 */
export default function NotificationsPanel() {
  const flash = useFlash();
  const account = useNotificationSettings();
  const { load, removeDevice } = account;
  const device = usePushDevice(useCallback(() => void load(), [load]));
  const { show } = flash;

  async function enable() {
    const answer = await device.enable();
    if (answer.ok) show(t('notifySettings.enabled'));
    else show(notifyErrorText(answer.code), true);
  }

  async function remove(id: string, label: string) {
    const answer = await removeDevice(id);
    if (!answer.ok) return show(notifyErrorText(answer.code), true);
    if (id === device.deviceId) await device.forgetThisDevice();
    show(t('notifySettings.devices.removed', { label }));
  }

  const settings = account.settings;
  const thisDeviceListed = settings?.devices.some((d) => d.id === device.deviceId) ?? false;
  return (
    <section aria-labelledby="tw-notify-title" className="app-notify">
      <h2 id="tw-notify-title">{t('notifySettings.title')}</h2>
      <p>{t('notifySettings.lead')}</p>
      <Flash state={flash} />
      {device.support && (
        <PushSection support={device.support} enabled={thisDeviceListed} busy={device.busy} onEnable={() => void enable()} />
      )}

      <h3>{t('notifySettings.devices.title')}</h3>
      {!settings && !account.loadError && <p>{t('notifySettings.loading')}</p>}
      {account.loadError && <p className="app-notice app-notice--error">{notifyErrorText(account.loadError)}</p>}
      {settings && settings.devices.length === 0 && <p>{t('notifySettings.devices.none')}</p>}
      {settings && settings.devices.length > 0 && (
        <ul className="app-notify__devices">
          {settings.devices.map((d) => {
            const label = d.label ?? t('notifySettings.devices.unnamed');
            return (
              <li key={d.id} className="app-notify__device">
                <span>
                  <strong>{label}</strong>
                  {d.id === device.deviceId && ` (${t('notifySettings.thisDevice')})`}
                  <br />
                  {t('notifySettings.devices.added', { date: vietnamDateTime(new Date(d.created_at)) })}
                </span>
                <button
                  type="button"
                  className="app-button app-button--secondary"
                  aria-label={t('notifySettings.devices.removeLabel', { label })}
                  disabled={account.busy}
                  onClick={() => void remove(d.id, label)}
                >
                  {t('notifySettings.devices.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}

      {settings && <NotificationSettingsForm settings={settings} busy={account.busy} onSave={account.save} flash={flash} />}
    </section>
  );
}

interface PushSectionProps {
  support: PushSupport;
  /** This device is among the member's devices already. */
  enabled: boolean;
  busy: boolean;
  onEnable(): void;
}

/** The button, or what keeps this device from getting notifications. */
function PushSection({ support, enabled, busy, onEnable }: PushSectionProps) {
  if (support === 'ios_home_screen') {
    return (
      <div className="app-notify__hint" data-testid="ios-home-screen-hint">
        <h3>{t('notifySettings.iosHint.title')}</h3>
        <p>{t('notifySettings.iosHint')}</p>
      </div>
    );
  }
  if (support === 'unsupported') return <p className="app-notify__hint">{t('notifySettings.unsupported')}</p>;
  if (support === 'denied') return <p className="app-notify__hint">{t('notifySettings.denied')}</p>;
  if (enabled) return <p className="app-notice">{t('notifySettings.enabled')}</p>;
  return (
    <p>
      <button type="button" className="app-button" aria-disabled={busy || undefined} onClick={() => !busy && onEnable()}>
        {busy ? t('notifySettings.enabling') : t('notifySettings.enable')}
      </button>
    </p>
  );
}
