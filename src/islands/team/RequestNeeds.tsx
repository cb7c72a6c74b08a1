import { t } from '../../lib/i18n/team';
import { TIME_LABELS } from '../../lib/booking/request-labels';
import { stepAnchor } from '../../lib/content/paths';
import type { TimeWindow } from '../../lib/schemas/help-request';
import type { RequestDetail } from '../../lib/api/team';
import type { GuideLinks, PlatformLinks } from './types';

interface Props {
  detail: RequestDetail;
  guides: GuideLinks;
  platforms: PlatformLinks;
}

/** What the citizen needs: platforms (linked to their hubs), the guide step they were stuck on, when to call. */
export default function RequestNeeds({ detail, guides, platforms }: Props) {
  const guide = detail.guide_code ? guides[detail.guide_code] : undefined;
  return (
    <>
      <h3>{t('team.detail.needs')}</h3>
      <ul>
        {detail.needs.map((need) => (
          <li key={need}>
            {platforms[need] ? <a href={platforms[need].path}>{platforms[need].name}</a> : t('booking.needs.other')}
          </li>
        ))}
      </ul>
      {detail.guide_code && (
        <p>
          {guide ? (
            <a href={detail.guide_step ? `${guide.path}#${stepAnchor(detail.guide_step)}` : guide.path}>
              {t('team.detail.guide', { title: guide.title })}
            </a>
          ) : (
            t('team.detail.guideUnknown', { code: detail.guide_code })
          )}
          {detail.guide_step !== null && <> — {t('team.detail.guideStep', { step: detail.guide_step })}</>}
        </p>
      )}
      <p>
        {t('team.detail.time')} {t(TIME_LABELS[detail.time_window as TimeWindow] ?? 'booking.time.any')}
      </p>
      {detail.contact_attempts > 0 && <p>{t('team.detail.attempts', { count: detail.contact_attempts })}</p>}
    </>
  );
}
