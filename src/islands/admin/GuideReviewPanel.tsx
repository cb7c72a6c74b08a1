import { useCallback, useEffect, useState } from 'react';
import { t } from '../../lib/i18n/admin';
import { callRpc } from '../../lib/api/rpc';
import { adminGuideReviewQueue, adminHandleGuideReport, type ReviewQueueItem } from '../../lib/api/confirmations';
import { errorText } from '../../lib/admin/format';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import type { GuideLinks } from '../team/types';

/** A timestamp as its date in Vietnam: "12/12/2026". */
function formatVietnamDate(iso: string): string {
  const [year, month, day] = vietnamDay(0, new Date(iso)).split('-');
  return `${day}/${month}/${year}`;
}

/**
 * "Rà soát hướng dẫn": the review queue of volunteers' confirmations, one entry per guide, in the
 * database's order (open reports first, then guides never confirmed, then the oldest
 * confirmations). Each open report can be marked handled once the guide is fixed (or the report
 * was wrong).
 */
export default function GuideReviewPanel({ guides }: { guides: GuideLinks }) {
  const [queue, setQueue] = useState<ReviewQueueItem[] | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await callRpc(adminGuideReviewQueue, {});
    if (answer.ok) setQueue(answer.data);
    else setNotice({ text: errorText(answer.code), error: true });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  async function handle(reportId: number) {
    if (busy) return;
    setBusy(true);
    const answer = await callRpc(adminHandleGuideReport, { report_id: reportId, note: null });
    setBusy(false);
    setNotice(answer.ok ? { text: t('confirm.queue.handled') } : { text: errorText(answer.code), error: true });
    await load();
  }

  return (
    <section aria-labelledby="gr-title">
      <h2 id="gr-title">{t('confirm.queue.title')}</h2>
      <p>{t('confirm.queue.lead')}</p>
      {notice && (
        <p className={notice.error ? 'app-notice app-notice--error' : 'app-notice'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {queue === null && <p>{t('confirm.queue.loading')}</p>}
      {queue?.length === 0 && <p>{t('confirm.queue.empty')}</p>}
      <ol className="app-admin__review">
        {queue?.map((item) => {
          const guide = guides[item.guide_code];
          const title = guide?.title ?? item.guide_code;
          return (
            <li key={item.guide_code} className="app-admin__review-item" data-guide={item.guide_code}>
              <h3>{guide ? <a href={guide.path}>{title}</a> : title}</h3>
              <p>
                {item.open_reports.length > 0 && <strong>{t('confirm.queue.openReports', { count: item.open_reports.length })} · </strong>}
                {item.last_confirmed_at
                  ? t('confirm.queue.lastConfirmed', { date: formatVietnamDate(item.last_confirmed_at), count: item.confirmations })
                  : t('confirm.queue.never')}
              </p>
              {item.open_reports.map((report) => (
                <div key={report.id} className="app-admin__report">
                  <p>
                    {t('confirm.queue.report', {
                      step: report.step_number,
                      app: report.app_name,
                      version: report.app_version,
                      system: t(report.phone_system === 'ios' ? 'confirm.ios' : 'confirm.android'),
                      date: formatVietnamDate(report.created_at),
                      team: report.team_name ?? t('confirm.queue.noTeam'),
                      note: report.screen_note,
                    })}
                  </p>
                  <button type="button" className="app-button app-button--secondary" disabled={busy} onClick={() => void handle(report.id)}>
                    {t('confirm.queue.handle')}
                    <span className="app-visually-hidden"> {t('confirm.queue.handleHidden', { step: report.step_number, guide: title })}</span>
                  </button>
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
