import { useState } from 'react';
import { t } from '../../lib/i18n/sessions';
import type { HelpSession, TeamHelpSessions } from '../../lib/api/sessions';
import { upcomingOccurrences } from '../../lib/domain/recurrence';
import { occurrenceText, repeatText, shortDayText } from '../../lib/sessions/format';
import { sessionErrorText } from '../../lib/sessions/errors';
import type { FlashState } from '../shared/Flash';
import type { HelpSessionsState } from './useHelpSessions';

interface Props {
  data: TeamHelpSessions;
  state: HelpSessionsState;
  flash: FlashState;
  now: Date;
}

/** How many coming days each series lists, each with its "Nghỉ buổi …" button. */
const DAYS_SHOWN = 4;

/** The team's current sessions: where, when, the next days (cancel one), cancel the series. */
export default function SessionList({ data, state, flash, now }: Props) {
  return (
    <section aria-labelledby="tw-sessions-list-title">
      <h3 id="tw-sessions-list-title">{t('sessions.list.title')}</h3>
      {data.sessions.length === 0 ? (
        <p>{t('sessions.list.empty')}</p>
      ) : (
        <ul className="app-sessions__list">
          {data.sessions.map((session) => (
            <SessionItem key={session.id} session={session} canChange={data.can_change} state={state} flash={flash} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  session: HelpSession;
  canChange: boolean;
  state: HelpSessionsState;
  flash: FlashState;
  now: Date;
}

function SessionItem({ session, canChange, state, flash, now }: ItemProps) {
  const [confirming, setConfirming] = useState(false);
  const coming = upcomingOccurrences(session, now, DAYS_SHOWN);

  async function cancelDay(day: string) {
    const answer = await state.cancelDay(session, day);
    if (answer) flash.show(answer.ok ? t('sessions.list.cancelDayDone', { date: shortDayText(day) }) : sessionErrorText(answer.code), !answer.ok);
  }
  async function cancelSeries() {
    const answer = await state.cancelSeries(session);
    if (answer) flash.show(answer.ok ? t('sessions.list.cancelled') : sessionErrorText(answer.code), !answer.ok);
  }

  return (
    <li className="app-sessions__item" data-session-id={session.id}>
      <h4>{session.place_name}</h4>
      <p>
        {t('sessions.where', { place: session.commune.name, address: session.address })}
        <br />
        {repeatText(session)} · {session.starts_at}–{session.ends_at}
      </p>
      {session.cancelled_days.length > 0 && <p>{t('sessions.cancelledDays', { days: session.cancelled_days.map(shortDayText).join(', ') })}</p>}
      {coming.length > 0 && (
        <>
          <p>{t('sessions.list.next')}:</p>
          <ul>
            {coming.map((occurrence) => (
              <li key={occurrence.day}>
                {occurrenceText(session, occurrence)}{' '}
                {canChange && (
                  <button type="button" className="app-button app-button--secondary" onClick={() => void cancelDay(occurrence.day)}>
                    {t('sessions.list.cancelDay', { date: shortDayText(occurrence.day) })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canChange &&
        (confirming ? (
          <div className="app-team__row" role="group" aria-label={t('sessions.list.cancelSeriesConfirm')}>
            <p>{t('sessions.list.cancelSeriesConfirm')}</p>
            <button type="button" className="app-button" onClick={() => void cancelSeries()}>
              {t('sessions.list.cancelSeriesYes')}
            </button>
            <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(false)}>
              {t('sessions.list.keep')}
            </button>
          </div>
        ) : (
          <button type="button" className="app-button app-button--secondary" onClick={() => setConfirming(true)}>
            {t('sessions.list.cancelSeries')}
          </button>
        ))}
    </li>
  );
}
