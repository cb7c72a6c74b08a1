import { useCallback, useEffect, useState } from 'react';
import { callRpc, type RpcResult } from '../../lib/api/rpc';
import { pushPublicKey, savePushSubscription } from '../../lib/api/notifications';
import { applicationServerKey, deviceLabel, pushSupport, subscriptionKeys, type PushSupport } from '../../lib/team/push';

/** Which of the member's devices this browser is (the id save_push_subscription gave; not personal). */
const DEVICE_KEY = 'tgs.push.device.v1';

function rememberedDevice(): string | null {
  try {
    return localStorage.getItem(DEVICE_KEY);
  } catch {
    return null;
  }
}

function rememberDevice(id: string | null): void {
  try {
    if (id) localStorage.setItem(DEVICE_KEY, id);
    else localStorage.removeItem(DEVICE_KEY);
  } catch {
    // Storage off: the device list just does not mark "this device".
  }
}

/** What this browser allows, read once on the page. */
function readSupport(): PushSupport {
  const standalone =
    window.matchMedia?.('(display-mode: standalone)').matches === true ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  const hasPush = 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
  return pushSupport({
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone,
    hasPush,
    permission: 'Notification' in window ? Notification.permission : undefined,
  });
}

/**
 * This browser's push subscription: whether it can have one, and "Bật thông báo": the permission
 * is asked only then (after the tap), then PushManager.subscribe with the server's VAPID key, then
 * save_push_subscription. `deviceId` is this browser's row among the member's devices, when known.
 */
export function usePushDevice(onSaved: () => void) {
  const [support, setSupport] = useState<PushSupport | null>(null);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setSupport(readSupport());
    setDeviceId(rememberedDevice());
  }, []);

  /** Asks, subscribes and saves; the error code on failure (denied, not_configured, network, …). */
  const enable = useCallback(async (): Promise<RpcResult<{ id: string }> | { ok: false; code: string }> => {
    setBusy(true);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setSupport(readSupport());
        return { ok: false, code: permission === 'denied' ? 'denied' : 'failed' };
      }
      const key = await callRpc(pushPublicKey, {});
      if (!key.ok) return key;
      if (!key.data.key) return { ok: false, code: 'not_configured' };
      const registration = await navigator.serviceWorker.ready;
      const options = { userVisibleOnly: true, applicationServerKey: applicationServerKey(key.data.key) };
      // A subscription made with another key (the server's key was replaced) must go first.
      const subscription = await registration.pushManager.subscribe(options).catch(async (error: unknown) => {
        const old = await registration.pushManager.getSubscription();
        if (!old) throw error;
        await old.unsubscribe();
        return registration.pushManager.subscribe(options);
      });
      const keys = subscriptionKeys(subscription.toJSON());
      if (!keys) return { ok: false, code: 'failed' };
      const saved = await callRpc(savePushSubscription, {
        ...keys,
        device_label: deviceLabel(navigator.userAgent, navigator.maxTouchPoints ?? 0),
      });
      if (saved.ok) {
        rememberDevice(saved.data.id);
        setDeviceId(saved.data.id);
        onSaved();
      }
      return saved;
    } catch {
      return { ok: false, code: 'failed' };
    } finally {
      setBusy(false);
    }
  }, [onSaved]);

  /** This device was removed from the list: stop its subscription in the browser too. */
  const forgetThisDevice = useCallback(async () => {
    rememberDevice(null);
    setDeviceId(null);
    try {
      const subscription = await (await navigator.serviceWorker.ready).pushManager.getSubscription();
      await subscription?.unsubscribe();
    } catch {
      // Already gone; the server no longer sends to it anyway.
    }
  }, []);

  return { support, deviceId, busy, enable, forgetThisDevice };
}
