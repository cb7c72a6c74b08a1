import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { requestStatistics, type Statistics } from '../../lib/api/admin';
import { errorText, vietnamDay } from '../../lib/admin/format';
import { downloadText, statisticsToCsv } from '../../lib/admin/statistics-csv';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import StatsReport from './StatsReport';

/** Statistics of a date range (the last 90 days at first), shown as charts and tables or as CSV. */
export default function StatsPanel() {
  const [from, setFrom] = useState(() => vietnamDay(-89));
  const [to, setTo] = useState(() => vietnamDay());
  const [stats, setStats] = useState<Statistics | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [tries, setTries] = useState(0);

  const load = useCallback(async () => {
    const answer = await callRpc(requestStatistics, { from_day: from, to_day: to });
    setTries((n) => n + 1);
    if (answer.ok) {
      setStats(answer.data);
      setFailure(null);
    } else setFailure(errorText(answer.code));
  }, [from, to]);
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    void load();
  }

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('admin.stats.title')}</h2>
      <form className="app-admin__filters" onSubmit={submit}>
        <Field id="s-from" label={t('admin.stats.from')}>
          {(control) => <input {...control} type="date" className="app-input" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field id="s-to" label={t('admin.stats.to')}>
          {(control) => <input {...control} type="date" className="app-input" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        <p>
          <button className="app-button" type="submit">{t('admin.stats.show')}</button>{' '}
          <button className="app-button app-button--secondary" type="button" disabled={!stats} onClick={() => stats && downloadText(`so-lieu-${from}-${to}.csv`, statisticsToCsv(stats))}>
            {t('admin.stats.export')}
          </button>
        </p>
      </form>
      <ErrorSummary title={null} message={failure} focusKey={tries} />
      {stats && <StatsReport stats={stats} />}
    </section>
  );
}
