import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { requestStatistics } from '../../lib/api/admin';
import { errorText } from '../../lib/admin/format';
import { downloadText, statisticsToCsv } from '../../lib/admin/statistics-csv';
import Flash from '../shared/Flash';
import DateRangeForm from './DateRangeForm';
import StatsReport from './StatsReport';
import { useDateRangeReport, type DayRange } from './useDateRangeReport';

const readStatistics = (range: DayRange) => callRpc(requestStatistics, { from_day: range.from, to_day: range.to });

/**
 * Statistics of a date range (the last 90 days at first), shown as charts and tables or as CSV.
 * The first range is read when the tab opens: if that fails, the panel says so quietly (focus stays
 * on the tab); a range the admin asks for that fails shows in the error box, which takes focus.
 */
export default function StatsPanel({ posterNames }: { posterNames: Readonly<Record<string, string>> }) {
  const { from, setFrom, to, setTo, report: stats, flash, submit } = useDateRangeReport(readStatistics, errorText);

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('admin.stats.title')}</h2>
      <DateRangeForm
        idPrefix="s"
        from={from}
        to={to}
        onFrom={setFrom}
        onTo={setTo}
        onSubmit={submit}
        exportLabel={t('admin.stats.export')}
        onExport={stats ? () => downloadText(`so-lieu-${from}-${to}.csv`, statisticsToCsv(stats, posterNames)) : undefined}
      />
      <Flash state={flash} />
      {stats && <StatsReport stats={stats} posterNames={posterNames} />}
    </section>
  );
}
