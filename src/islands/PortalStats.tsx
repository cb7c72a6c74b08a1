import { useEffect, useState } from 'react';
import { fetchPortalStats, type PortalStats as Stats } from '../lib/supabase/rpc';
import { t } from '../lib/i18n/t';

/** Shows how many communes and teams the portal serves, read live from the database. */
export default function PortalStats() {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ok'; stats: Stats } | { status: 'error' }>(
    { status: 'loading' },
  );
  useEffect(() => {
    let cancelled = false;
    fetchPortalStats().then((result) => {
      if (cancelled) return;
      setState(result.ok ? { status: 'ok', stats: result.data } : { status: 'error' });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  // role="status" so screen readers hear the figures when they arrive, without moving focus.
  return (
    <p className="app-stats" role="status" data-state={state.status}>
      {state.status === 'loading' && t('stats.loading')}
      {state.status === 'ok' && t('stats.summary', state.stats)}
      {state.status === 'error' && t('stats.unavailable')}
    </p>
  );
}
