import { useCallback, useEffect, useState } from 'react';
import { t, type MessageKey } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { adminDeadNotifications, type DeadNotification } from '../../lib/api/notifications';
import { errorText } from '../../lib/admin/format';
import { vietnamDateTime } from '../../lib/domain/vietnam-time';

/**
 * Notifications given up after their attempts (admin_dead_notifications), newest first, with the
 * reason the provider or adapter gave. No phone numbers or emails are shown (none are returned).
 */
export default function DeadNotificationsPanel() {
  const [data, setData] = useState<{ total: number; messages: DeadNotification[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const answer = await callRpc(adminDeadNotifications, { page_size: 100 });
    if (!answer.ok) return setError(errorText(answer.code));
    setError(null);
    setData(answer.data);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="dead-notifications-title">
      <h2 id="dead-notifications-title">{t('admin.notifications.title')}</h2>
      <p>{t('admin.notifications.lead')}</p>
      {error && <p className="app-panel" role="alert">{error}</p>}
      {data && <p>{t('admin.notifications.total', { total: data.total })}</p>}
      {data && data.messages.length === 0 && <p>{t('admin.notifications.none')}</p>}
      {data && data.messages.length > 0 && (
          <table className="app-admin__table">
            <thead>
              <tr>
                <th scope="col">{t('admin.notifications.col.time')}</th>
                <th scope="col">{t('admin.notifications.col.channel')}</th>
                <th scope="col">{t('admin.notifications.col.kind')}</th>
                <th scope="col">{t('admin.notifications.col.request')}</th>
                <th scope="col">{t('admin.notifications.col.attempts')}</th>
                <th scope="col">{t('admin.notifications.col.error')}</th>
              </tr>
            </thead>
            <tbody>
              {data.messages.map((m) => (
                <tr key={m.id}>
                  <td>{vietnamDateTime(new Date(m.failed_at))}</td>
                  <td>{t(`admin.notifications.channel.${m.channel}` as MessageKey)}</td>
                  <td>{m.template}</td>
                  <td>{m.reference_code ?? '–'}</td>
                  <td>{m.attempts}</td>
                  <td>{m.last_error ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
      )}
      <p>
        <button type="button" className="app-button app-button--secondary" onClick={() => void load()}>
          {t('admin.notifications.reload')}
        </button>
      </p>
    </section>
  );
}
