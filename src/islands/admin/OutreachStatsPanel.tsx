import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { t as tAdmin } from '../../lib/i18n/admin';
import { t } from '../../lib/i18n/outreach';
import { callRpc } from '../../lib/api/rpc';
import { outreachStatistics, type OutreachStatistics } from '../../lib/api/outreach';
import { outreachErrorText } from '../../lib/outreach/labels';
import { outreachToCsv } from '../../lib/outreach/statistics';
import { downloadText } from '../../lib/admin/statistics-csv';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import TextField from '../shared/TextField';
import Flash, { useFlash } from '../shared/Flash';
import OutreachReport from './OutreachReport';

/**
 * The teams' outreach log for a date range (the last 90 days at first): charts and tables by week,
 * kind, commune and team, and the same figures as CSV (what the Youth Union reports upward).
 */
export default function OutreachStatsPanel() {
  const [first] = useState(() => ({ from: vietnamDay(-89), to: vietnamDay() }));
  const [from, setFrom] = useState(first.from);
  const [to, setTo] = useState(first.to);
  const [stats, setStats] = useState<OutreachStatistics | null>(null);
  const flash = useFlash();
  const { show, showQuietly, clear } = flash;

  const load = useCallback(
    async (range: { from: string; to: string }, asked: boolean) => {
      const answer = await callRpc(outreachStatistics, { from_day: range.from, to_day: range.to });
      if (answer.ok) {
        setStats(answer.data);
        clear();
      } else if (asked) show(outreachErrorText(answer.code), true);
      else showQuietly(outreachErrorText(answer.code));
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
    <section aria-labelledby="outreach-stats-title">
      <h2 id="outreach-stats-title">{t('outreach.stats.title')}</h2>
      <p className="app-admin__hint">{t('outreach.stats.lead')}</p>
      <form className="app-admin__filters" onSubmit={submit}>
        <TextField id="o-from" label={tAdmin('admin.stats.from')} type="date" value={from} onChange={setFrom} />
        <TextField id="o-to" label={tAdmin('admin.stats.to')} type="date" value={to} onChange={setTo} />
        <p>
          <button className="app-button" type="submit">{tAdmin('admin.stats.show')}</button>{' '}
          <button
            className="app-button app-button--secondary"
            type="button"
            disabled={!stats}
            onClick={() => stats && downloadText(`hoat-dong-${stats.scope.from}-${stats.scope.to}.csv`, outreachToCsv(stats))}
          >
            {t('outreach.stats.export')}
          </button>
        </p>
      </form>
      <Flash state={flash} />
      {stats && <OutreachReport stats={stats} />}
    </section>
  );
}
