import { useEffect, useState } from 'react';

/**
 * Whether the phone says it has a network (navigator.onLine, kept up to date by the online and
 * offline events). Offline, the form says so, rather than blaming the booking service.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
