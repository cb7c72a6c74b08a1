import { useCallback, useEffect, useState } from 'react';
import { callRpc } from '../../lib/api/rpc';
import {
  deletePushSubscription,
  myNotificationSettings,
  saveNotificationSettings,
  type NotificationSettings,
} from '../../lib/api/notifications';

/** The member's email choice and quiet hours as the form sends them. */
export interface SettingsChoice {
  email_enabled: boolean;
  quiet_from: string | null;
  quiet_to: string | null;
}

/**
 * The signed-in member's notification settings and devices (my_notification_settings): read on
 * show, saved (save_notification_settings) and a device removed (delete_push_subscription). Each
 * call answers with the stable error code on failure, for the panel to say in words.
 */
export function useNotificationSettings() {
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await callRpc(myNotificationSettings, {});
    if (answer.ok) {
      setSettings(answer.data);
      setLoadError(null);
    } else setLoadError(answer.code);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(async (choice: SettingsChoice) => {
    setBusy(true);
    const answer = await callRpc(saveNotificationSettings, choice);
    setBusy(false);
    if (answer.ok) setSettings(answer.data);
    return answer;
  }, []);

  const removeDevice = useCallback(
    async (id: string) => {
      setBusy(true);
      const answer = await callRpc(deletePushSubscription, { subscription_id: id });
      setBusy(false);
      if (answer.ok) await load();
      return answer;
    },
    [load],
  );

  return { settings, loadError, busy, load, save, removeDevice };
}
