import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { requestStatistics, type Statistics } from '../../lib/api/admin';
import { errorText } from '../../lib/admin/format';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import { downloadText, statisticsToCsv } from '../../lib/admin/statistics-csv';
import Field from '../shared/Field';
import Flash, { useFlash } from '../shared/Flash';
import StatsReport from './StatsReport';

/**
 * Statistics of a date range (the last 90 days at first), shown as charts and tables or as CSV.
 * The first range is read when the tab opens: if that fails, the panel says so quietly (focus stays
 * on the tab); a range the admin asks for that fails shows in the error box, which takes focus.
 */
export default function StatsPanel() {
  const [first] = useState(() => ({ from: vietnamDay(-89), to: vietnamDay() }));
  const [from, setFrom] = useState(first.from);
  const [to, setTo] = useState(first.to);
  const [stats, setStats] = useState<Statistics | null>(null);
  const flash = useFlash();
  const { show, showQuietly, clear } = flash;

  const load = useCallback(
    async (range: { from: string; to: string }, asked: boolean) => {
      const answer = await callRpc(requestStatistics, { from_day: range.from, to_day: range.to });
      if (answer.ok) {
        setStats(answer.data);
        clear();
      } else if (asked) show(errorText(answer.code), true);
      else showQuietly(errorText(answer.code));
    },
    [show, showQuietly, clear],
  );
  useEffect(() => {
    void load(first, false);
  }, [load, first]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void load({ from, to }, true);
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
      <Flash state={flash} />
      {stats && <StatsReport stats={stats} />}
    </section>
  );
}
