import { t } from '../../lib/i18n/outreach';
import type { OutreachStatistics } from '../../lib/api/outreach';
import { OUTREACH_COUNTS } from '../../lib/domain/outreach';
import { bars, outreachRows, type FiguresRow } from '../../lib/outreach/statistics';
import { Bars } from './Charts';

/**
 * The outreach figures of a range: totals, people helped by week (chart and table), and by kind,
 * commune and team (charts of people helped or entries, with every figure in a table).
 */
export default function OutreachReport({ stats }: { stats: OutreachStatistics }) {
  const rows = outreachRows(stats);
  return (
    <div className="app-outreach-report">
      <p><strong>{t('outreach.stats.total', { ...stats.total })}</strong></p>
      {stats.total.entries === 0 && <p>{t('outreach.stats.none')}</p>}

      <h3>{t('outreach.stats.byWeek')}</h3>
      <Bars items={bars(rows.week, 'people_helped')} label={t('outreach.stats.byWeek')} />
      <FiguresTable caption={t('outreach.stats.byWeekTable')} rows={rows.week} />

      <h3>{t('outreach.stats.byKind')}</h3>
      <Bars items={bars(rows.kind, 'entries')} label={t('outreach.stats.byKind')} />
      <FiguresTable caption={t('outreach.stats.byKind')} rows={rows.kind} />

      <h3>{t('outreach.stats.byCommune')}</h3>
      <Bars items={bars(rows.commune, 'people_helped')} label={t('outreach.stats.byCommune')} />
      <FiguresTable caption={t('outreach.stats.byCommune')} rows={rows.commune} />

      <h3>{t('outreach.stats.byTeam')}</h3>
      <Bars items={bars(rows.team, 'people_helped')} label={t('outreach.stats.byTeam')} />
      <FiguresTable caption={t('outreach.stats.byTeam')} rows={rows.team} />
    </div>
  );
}

/** Label, entries and the four counts, one row each. */
function FiguresTable({ caption, rows }: { caption: string; rows: FiguresRow[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="app-admin__table">
      <caption className="app-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('outreach.stats.col.name')}</th>
          <th scope="col">{t('outreach.stats.col.entries')}</th>
          {OUTREACH_COUNTS.map((count) => (
            <th scope="col" key={count}>{t(`outreach.stats.col.${count}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>{r.entries.toLocaleString('vi-VN')}</td>
            {OUTREACH_COUNTS.map((count) => (
              <td key={count}>{r[count].toLocaleString('vi-VN')}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
