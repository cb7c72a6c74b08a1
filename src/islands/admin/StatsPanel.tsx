import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { requestStatistics, type Statistics } from '../../lib/api/admin';
import { errorText } from '../../lib/admin/format';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import { downloadText, statisticsToCsv } from '../../lib/admin/statistics-csv';
import TextField from '../shared/TextField';
import Flash, { useFlash } from '../shared/Flash';
import StatsReport from './StatsReport';

/**
 * Statistics of a date range (the last 90 days at first), shown as charts and tables or as CSV.
 * The first range is read when the tab opens: if that fails, the panel says so quietly (focus stays
 * on the tab); a range the admin asks for that fails shows in the error box, which takes focus.
 */
export default function StatsPanel({ posterNames }: { posterNames: Readonly<Record<string, string>> }) {
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
        <TextField id="s-from" label={t('admin.stats.from')} type="date" value={from} onChange={setFrom} />
        <TextField id="s-to" label={t('admin.stats.to')} type="date" value={to} onChange={setTo} />
        <p>
          <button className="app-button" type="submit">{t('admin.stats.show')}</button>{' '}
          <button className="app-button app-button--secondary" type="button" disabled={!stats} onClick={() => stats && downloadText(`so-lieu-${from}-${to}.csv`, statisticsToCsv(stats, posterNames))}>
            {t('admin.stats.export')}
          </button>
        </p>
      </form>
      <Flash state={flash} />
      {stats && <StatsReport stats={stats} posterNames={posterNames} />}
    </section>
  );
}
