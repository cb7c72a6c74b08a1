import { t } from '../../lib/i18n/outreach';
import { callRpc } from '../../lib/api/rpc';
import { outreachStatistics } from '../../lib/api/outreach';
import { outreachErrorText } from '../../lib/outreach/labels';
import { outreachToCsv } from '../../lib/outreach/statistics';
import { downloadText } from '../../lib/admin/statistics-csv';
import Flash from '../shared/Flash';
import DateRangeForm from './DateRangeForm';
import OutreachReport from './OutreachReport';
import { useDateRangeReport, type DayRange } from './useDateRangeReport';

const readOutreach = (range: DayRange) => callRpc(outreachStatistics, { from_day: range.from, to_day: range.to });

/**
 * The teams' outreach log for a date range (the last 90 days at first): charts and tables by week,
 * kind, commune and team, and the same figures as CSV (what the Youth Union reports upward).
 */
export default function OutreachStatsPanel() {
  const { from, setFrom, to, setTo, report: stats, flash, submit } = useDateRangeReport(readOutreach, outreachErrorText);

  return (
    <section aria-labelledby="outreach-stats-title">
      <h2 id="outreach-stats-title">{t('outreach.stats.title')}</h2>
      <p className="app-admin__hint">{t('outreach.stats.lead')}</p>
      <DateRangeForm
        idPrefix="o"
        from={from}
        to={to}
        onFrom={setFrom}
        onTo={setTo}
        onSubmit={submit}
        exportLabel={t('outreach.stats.export')}
        onExport={stats ? () => downloadText(`hoat-dong-${stats.scope.from}-${stats.scope.to}.csv`, outreachToCsv(stats)) : undefined}
      />
      <Flash state={flash} />
      {stats && <OutreachReport stats={stats} />}
    </section>
  );
}
