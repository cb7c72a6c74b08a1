import { t } from '../../lib/i18n/admin';
import type { Statistics } from '../../lib/api/admin';
import { duration, posterLabel } from '../../lib/admin/format';
import { statisticsRows, statusLabel } from '../../lib/admin/statistics-view';
import { Bars, CountTable } from './Charts';

/**
 * The statistics of a range, without personal data: total, requests by week, status and need,
 * speed (median and 90th percentile), communes, the requests waiting longest, teams with stale
 * requests, poster scans and guide feedback. Every chart has its numbers in a table or in words.
 */
export default function StatsReport({ stats, posterNames }: { stats: Statistics; posterNames: Readonly<Record<string, string>> }) {
  const rows = statisticsRows(stats);
  return (
    <>
      <p><strong>{t('admin.stats.total', { total: stats.total })}</strong> · {t('admin.stats.noPersonal')}</p>

      <h3>{t('admin.stats.byWeek')}</h3>
      <Bars items={rows.week} label={t('admin.stats.byWeekChart')} />

      <h3>{t('admin.stats.byStatus')}</h3>
      <Bars items={rows.status} label={t('admin.stats.byStatus')} />
      <CountTable caption={t('admin.stats.byStatus')} rows={rows.status} />

      <h3>{t('admin.stats.speed')}</h3>
      <table className="app-admin__table">
        <thead>
          <tr><th scope="col">{t('admin.stats.col.span')}</th><th scope="col">{t('admin.stats.median')}</th><th scope="col">{t('admin.stats.p90')}</th><th scope="col">{t('admin.stats.count')}</th></tr>
        </thead>
        <tbody>
          {([['admin.stats.toAccept', stats.time_to_accept], ['admin.stats.toClose', stats.time_to_close]] as const).map(([label, d]) => (
            <tr key={label}><th scope="row">{t(label)}</th><td>{duration(d.median_minutes)}</td><td>{duration(d.p90_minutes)}</td><td>{d.count}</td></tr>
          ))}
        </tbody>
      </table>

      <h3>{t('admin.stats.byNeed')}</h3>
      <Bars items={rows.need} label={t('admin.stats.byNeed')} />

      <h3>{t('admin.stats.byCommune')}</h3>
      <CountTable caption={t('admin.stats.byCommune')} rows={rows.commune} />

      <h3>{t('admin.stats.waiting')}</h3>
      {stats.waiting_longest.length === 0 ? (
        <p>{t('admin.stats.waitingNone')}</p>
      ) : (
        <table className="app-admin__table">
          <thead>
            <tr><th scope="col">{t('admin.stats.col.code')}</th><th scope="col">{t('admin.stats.col.commune')}</th><th scope="col">{t('admin.stats.col.team')}</th><th scope="col">{t('admin.stats.col.waiting')}</th></tr>
          </thead>
          <tbody>
            {stats.waiting_longest.map((w) => (
              <tr key={w.reference_code}><td>{w.reference_code}</td><td>{w.commune_name}</td><td>{w.team_code ?? statusLabel(w.status)}</td><td>{duration(w.waiting_minutes)}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('admin.stats.stale')}</h3>
      <p className="app-admin__hint">{t('admin.stats.staleRule', { minutes: stats.stale_rules.accept_within_minutes, days: stats.stale_rules.accepted_days })}</p>
      {stats.stale_teams.length === 0 ? (
        <p>{t('admin.stats.staleNone')}</p>
      ) : (
        <table className="app-admin__table">
          <thead>
            <tr><th scope="col">{t('admin.stats.col.team')}</th><th scope="col">{t('admin.stats.notAccepted')}</th><th scope="col">{t('admin.stats.acceptedOpen')}</th><th scope="col">{t('admin.stats.col.waiting')}</th></tr>
          </thead>
          <tbody>
            {stats.stale_teams.map((s) => (
              <tr key={s.team_id}><th scope="row">{s.team_code} · {s.team_name}</th><td>{s.not_accepted}</td><td>{s.accepted_not_closed}</td><td>{duration(s.oldest_minutes)}</td></tr>
            ))}
          </tbody>
        </table>
      )}

      {stats.help_ratings && (
        <>
          <h3>{t('admin.stats.ratings')}</h3>
          <CountTable
            caption={t('admin.stats.ratings')}
            rows={[
              { label: t('admin.stats.ratingHelped'), value: stats.help_ratings.helped },
              { label: t('admin.stats.ratingNotHelped'), value: stats.help_ratings.not_helped },
            ]}
          />
        </>
      )}
      {stats.poster_scans && (
        <>
          <h3>{t('admin.stats.posters')}</h3>
          <p>{t('admin.stats.postersTotal', { total: stats.poster_scans.total })}</p>
          <Bars items={stats.poster_scans.top.map((p) => ({ label: posterLabel(p.poster, posterNames), value: p.scans }))} label={t('admin.stats.posters')} />
        </>
      )}
      {stats.guide_feedback && (
        <>
          <h3>{t('admin.stats.feedback')}</h3>
          <CountTable
            caption={t('admin.stats.feedback')}
            rows={[
              { label: t('admin.stats.helpful'), value: stats.guide_feedback.helpful },
              { label: t('admin.stats.notHelpful'), value: stats.guide_feedback.not_helpful },
              { label: t('admin.stats.errorReports'), value: stats.guide_feedback.error_reports },
            ]}
          />
        </>
      )}
    </>
  );
}
