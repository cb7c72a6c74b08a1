import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { t, type MessageKey } from '../../lib/i18n/team';
import { TIME_LABELS } from '../../lib/booking/request-labels';
import { formatPhone } from '../../lib/domain/phone';
import { stepAnchor } from '../../lib/content/paths';
import type { TimeWindow } from '../../lib/schemas/help-request';
import {
  acceptRequest,
  addRequestNote,
  closeRequest,
  handOverRequest,
  handoverSuggestions,
  recordContactAttempt,
  releaseRequest,
  teamRequest,
  type HandoverSuggestion,
  type RequestDetail,
  type RequestNote,
} from '../../lib/api/team';
import {
  HANDOVER_REASONS,
  NOTE_MAX_LENGTH,
  TEAM_OUTCOMES,
  type HandoverReason,
  type RequestAction,
  type TeamOutcome,
} from '../../lib/domain/team-vocabulary';
import { callRpc, type RpcResult } from '../../lib/api/rpc';
import { formatAge, formatClock, formatKm, isOverdue } from '../../lib/team/format';
import { ACTION_LABELS, errorText, eventText, OUTCOME_LABELS, REASON_LABELS, STATUS_LABELS } from '../../lib/team/labels';
import type { GuideLinks, PlatformLinks } from './types';

const NOTE_KIND_LABELS: Record<RequestNote['kind'], MessageKey> = {
  note: 'team.noteKind.note',
  contact_attempt: 'team.noteKind.contact_attempt',
  close: 'team.noteKind.close',
  release: 'team.noteKind.release',
  handover: 'team.noteKind.handover',
};

/** Errors after which what is on screen is stale: the request is read again. */
const RELOAD_ON = new Set(['not_found', 'request_closed', 'state_invalid', 'already_accepted', 'not_yours']);

/** Actions that open a small form above the action bar. */
type Panel = Exclude<RequestAction, 'accept'>;

/** The button that confirms each form. */
const SAVE_LABELS: Record<Panel, MessageKey> = {
  note: 'team.note.save',
  contact_attempt: 'team.attempt.save',
  close: 'team.close.save',
  release: 'team.release.save',
  hand_over: 'team.handover.save',
};

interface Props {
  requestId: number;
  now: Date;
  guides: GuideLinks;
  platforms: PlatformLinks;
  /** Minimum unanswered calls before "could not reach" (from team_session). */
  minContactAttempts: number;
  /** Changes whenever the queue refreshes, so the open request refreshes with it. */
  refreshTick: number;
  onBack(): void;
  /** Something changed: the queue should refresh. */
  onChanged(): void;
}

/**
 * One request: what the citizen needs (with links to the guides), the contact details once the
 * member has accepted it (tel: link, verification word), notes and history, and the actions the
 * server allows now, with the primary one at the bottom of the screen within reach of a thumb.
 */
export default function RequestView({ requestId, now, guides, platforms, minContactAttempts, refreshTick, onBack, onChanged }: Props) {
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ text: string; error?: boolean } | null>(null);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<TeamOutcome | null>(null);
  const [reason, setReason] = useState<HandoverReason | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState<HandoverSuggestion[] | null>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    const answer = await callRpc(teamRequest, { request_id: requestId });
    if (answer.ok) {
      setDetail(answer.data);
      setGone(null);
    } else if (answer.code === 'not_found') {
      setDetail(null);
      // Keep the message of a hand-over just made, which explains why it is gone.
      setGone((current) => current ?? errorText('not_found'));
    } else {
      setFlash({ text: errorText(answer.code), error: true });
    }
  }, [requestId]);

  useEffect(() => {
    void load();
  }, [load, refreshTick]);

  useEffect(() => {
    requestAnimationFrame(() => titleRef.current?.focus());
  }, [requestId]);

  function show(text: string, error = false) {
    setFlash({ text, error });
    requestAnimationFrame(() => flashRef.current?.focus());
  }

  function openPanel(next: Panel) {
    setPanel(next);
    setMoreOpen(false);
    // The form opens below the details: bring it into view and announce it.
    requestAnimationFrame(() => {
      panelRef.current?.scrollIntoView({ block: 'start' });
      panelRef.current?.focus();
    });
    setNote('');
    setOutcome(null);
    setReason(null);
    setTarget(null);
    setFlash(null);
    if (next === 'hand_over') {
      setSuggestions(null);
      void callRpc(handoverSuggestions, { request_id: requestId }).then((answer) => {
        if (answer.ok) setSuggestions(answer.data);
        else show(errorText(answer.code), true);
      });
    }
  }

  /** Runs an action; on success shows `done` and the new state, on failure the error. */
  async function run(action: () => Promise<RpcResult<RequestDetail>>, done: (d: RequestDetail) => string) {
    if (busy) return;
    setBusy(true);
    const answer = await action();
    setBusy(false);
    if (answer.ok) {
      setDetail(answer.data);
      setPanel(null);
      show(done(answer.data));
      onChanged();
    } else {
      show(errorText(answer.code), true);
      if (RELOAD_ON.has(answer.code)) {
        setPanel(null);
        void load();
        onChanged();
      }
    }
  }

  async function submitPanel(event: FormEvent) {
    event.preventDefault();
    const text = note.trim() ? note : null;
    switch (panel) {
      case 'note':
        if (!text) return show(errorText('note_invalid'), true);
        return run(() => callRpc(addRequestNote, { request_id: requestId, note: text }), () => t('team.note.saved'));
      case 'contact_attempt':
        return run(() => callRpc(recordContactAttempt, { request_id: requestId, note: text }), (d) => t('team.attempt.saved', { count: d.contact_attempts }));
      case 'close':
        if (!outcome) return show(errorText('outcome_invalid'), true);
        return run(() => callRpc(closeRequest, { request_id: requestId, outcome, note: text }), () => t('team.close.done'));
      case 'release':
        return run(() => callRpc(releaseRequest, { request_id: requestId, note: text }), () => t('team.release.done'));
      case 'hand_over': {
        if (!target) return show(errorText('team_invalid'), true);
        if (!reason) return show(errorText('reason_invalid'), true);
        if (busy) return;
        setBusy(true);
        const answer = await callRpc(handOverRequest, { request_id: requestId, to_team_id: target, reason, note: text });
        setBusy(false);
        if (answer.ok) {
          setPanel(null);
          onChanged();
          // The request now belongs to another team: admins still see it, its former team no more.
          const done = t('team.handover.done', { team: answer.data.team.name });
          const again = await callRpc(teamRequest, { request_id: requestId });
          if (again.ok) {
            setDetail(again.data);
            show(done);
          } else {
            setDetail(null);
            setGone(done);
            requestAnimationFrame(() => titleRef.current?.focus());
          }
        } else {
          show(errorText(answer.code), true);
          if (RELOAD_ON.has(answer.code)) void load();
        }
        return;
      }
    }
  }

  const back = (
    <button type="button" className="app-button app-button--secondary app-team__back" onClick={onBack}>
      {t('team.detail.back')}
    </button>
  );
  const flashBox = (
    <div ref={flashRef} tabIndex={-1} role="status" aria-live="polite" className="app-team__flash-box">
      {flash && <p className={flash.error ? 'app-team__error' : 'app-team__notice'}>{flash.text}</p>}
    </div>
  );

  if (!detail) {
    return (
      <section aria-labelledby="tw-detail-title">
        {back}
        <h2 id="tw-detail-title" ref={titleRef} tabIndex={-1}>
          {gone ?? t('team.loading')}
        </h2>
        {flashBox}
      </section>
    );
  }

  const contact = detail.contact;
  const callPhone = contact ? (detail.on_behalf ? contact.helper_phone : contact.phone) : null;
  const guide = detail.guide_code ? guides[detail.guide_code] : undefined;
  const actions = detail.actions;
  const primary: RequestAction | null = actions.includes('accept')
    ? 'accept'
    : actions.includes('close')
      ? 'close'
      : actions.includes('hand_over') && detail.status === 'unassigned'
        ? 'hand_over'
        : null;
  const secondary = actions.filter((a) => a !== primary && a !== 'accept') as Panel[];

  return (
    <section aria-labelledby="tw-detail-title" className="app-team__detail">
      {back}
      <h2 id="tw-detail-title" ref={titleRef} tabIndex={-1}>
        {t('team.detail.title', { commune: detail.commune.name })}
      </h2>
      <p>
        {t('team.detail.status')} <strong data-testid="request-status">{t(STATUS_LABELS[detail.status])}</strong>
        {detail.status === 'closed' && detail.outcome && OUTCOME_LABELS[detail.outcome as TeamOutcome] && (
          <> ({t(OUTCOME_LABELS[detail.outcome as TeamOutcome])})</>
        )}
        <br />
        <span className="app-team__muted">
          {t('team.detail.code', { code: detail.reference_code })} · {t('team.queue.received', { age: formatAge(detail.created_at, now) })}
        </span>
        {detail.status === 'assigned' && detail.accept_by && (
          <>
            <br />
            <span className={isOverdue(detail.accept_by, now) ? 'app-team__error' : undefined}>
              {t('team.detail.deadline', { time: formatClock(detail.accept_by, now) })}
            </span>
          </>
        )}
      </p>
      {flashBox}

      {/* The citizen asked for erasure while the team works on it (erased when it is closed). */}
      {detail.erase_requested && (
        <div className="app-team__warning" data-testid="erase-requested">
          <h3 className="app-team__warning-title">{t('team.detail.eraseTitle')}</h3>
          <p>{t('team.detail.eraseBody')}</p>
        </div>
      )}
      {detail.personal_data_erased && <p className="app-panel">{t('team.detail.erased')}</p>}

      {contact ? (
        <div className="app-panel app-team__contact" aria-labelledby="tw-contact-title">
          <h3 id="tw-contact-title">{t('team.detail.contact')}</h3>
          {detail.on_behalf && contact.helper_name && <p>{t('team.detail.onBehalf', { name: contact.helper_name })}</p>}
          {callPhone && (
            <p>
              <a className="app-button app-team__call" href={`tel:${callPhone}`} data-testid="call-link">
                {t('team.detail.call', { phone: formatPhone(callPhone) })}
              </a>
            </p>
          )}
          {contact.name && <p>{t('team.detail.person', { name: contact.name })}</p>}
          {detail.on_behalf && contact.phone && (
            <p>
              {t('team.detail.personPhone')} <a href={`tel:${contact.phone}`}>{formatPhone(contact.phone)}</a>
            </p>
          )}
          {contact.address && (
            <p>
              {t('team.detail.address')} {contact.address}
            </p>
          )}
          {contact.gps && <p>{t('team.detail.gps', { lat: contact.gps.lat, lon: contact.gps.lon })}</p>}
          {contact.description && (
            <p className="app-team__pre">
              {t('team.detail.description')} {contact.description}
            </p>
          )}
          <p className="app-team__word">
            {t('team.detail.word')} <strong data-testid="verification-word">{contact.verification_word}</strong>
          </p>
          <p className="app-team__hint">{t('team.detail.wordHint')}</p>
        </div>
      ) : (
        (detail.status === 'assigned' || detail.status === 'accepted') && (
          <p className="app-panel">
            {detail.status === 'accepted' && detail.accepted_by && !detail.accepted_by.me
              ? t('team.detail.contactHiddenOther', { name: detail.accepted_by.name })
              : t('team.detail.contactHidden')}
          </p>
        )
      )}

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

      <h3>{t('team.detail.notes')}</h3>
      {contact ? (
        detail.notes.length > 0 ? (
          <ul className="app-team__notes">
            {detail.notes.map((n) => (
              <li key={n.id}>
                <span className="app-team__muted">
                  {formatClock(n.at, now)} · {n.author}
                  {n.kind !== 'note' && <> · {t(NOTE_KIND_LABELS[n.kind])}</>}
                </span>
                <p className="app-team__pre">{n.body}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('team.detail.notesEmpty')}</p>
        )
      ) : (
        <p>{detail.notes_count > 0 ? t('team.detail.notesHidden', { count: detail.notes_count }) : t('team.detail.notesEmpty')}</p>
      )}

      <details className="app-team__history">
        <summary>{t('team.detail.history')}</summary>
        <ol>
          {detail.events.map((e, i) => (
            <li key={i}>
              <span className="app-team__muted">{formatClock(e.at, now)}</span> {eventText(e)}
            </li>
          ))}
        </ol>
      </details>

      {panel && (
        <form className="app-team__panel" onSubmit={submitPanel} noValidate aria-labelledby="tw-panel-title">
          <h3 id="tw-panel-title" ref={panelRef} tabIndex={-1}>
            {t(ACTION_LABELS[panel])}
          </h3>
          {panel === 'release' && <p>{t('team.release.confirm')}</p>}
          {panel === 'close' && (
            <fieldset className="app-team__choices">
              <legend>{t('team.close.legend')}</legend>
              {TEAM_OUTCOMES.map((o) => (
                <div className="app-team__choice" key={o}>
                  <input id={`tw-outcome-${o}`} type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} />
                  <label htmlFor={`tw-outcome-${o}`}>
                    {t(OUTCOME_LABELS[o])}
                    {o === 'not_reachable' && detail.contact_attempts < minContactAttempts && (
                      <span className="app-team__hint">
                        {' '}
                        {t('team.close.attemptsHint', { n: minContactAttempts, count: detail.contact_attempts })}
                      </span>
                    )}
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          {panel === 'hand_over' && (
            <>
              <fieldset className="app-team__choices">
                <legend>{t('team.handover.legend')}</legend>
                {suggestions === null && <p>{t('team.handover.loading')}</p>}
                {suggestions?.length === 0 && <p>{t('team.handover.none')}</p>}
                {suggestions?.map((s) => (
                  <div className="app-team__choice" key={s.id}>
                    <input id={`tw-team-${s.id}`} type="radio" name="team" checked={target === s.id} onChange={() => setTarget(s.id)} />
                    <label htmlFor={`tw-team-${s.id}`}>
                      <strong>{s.name}</strong>
                      <span className="app-team__hint">
                        {' '}
                        {t('team.handover.distance', { km: formatKm(s.distance_m), open: s.open_count, capacity: s.capacity })}
                        {s.covers_commune && <> · {t('team.handover.covers')}</>}
                        {s.open_count >= s.capacity && <> · {t('team.handover.full')}</>}
                        {s.had_it && <> · {t('team.handover.hadIt')}</>}
                      </span>
                    </label>
                  </div>
                ))}
              </fieldset>
              <fieldset className="app-team__choices">
                <legend>{t('team.handover.reason')}</legend>
                {HANDOVER_REASONS.filter((r) => (r === 'pool_assignment') === (detail.status === 'unassigned') || r === 'other').map((r) => (
                  <div className="app-team__choice" key={r}>
                    <input id={`tw-reason-${r}`} type="radio" name="reason" checked={reason === r} onChange={() => setReason(r)} />
                    <label htmlFor={`tw-reason-${r}`}>{t(REASON_LABELS[r])}</label>
                  </div>
                ))}
              </fieldset>
            </>
          )}
          <label className="app-team__label" htmlFor="tw-note">
            {panel === 'note' ? t('team.note.label') : t('team.note.optionalLabel')}
          </label>
          <p className="app-team__hint" id="tw-note-hint">
            {t('team.note.hint')}
          </p>
          <textarea
            id="tw-note"
            className="app-input app-team__textarea"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-describedby="tw-note-hint"
          />
          <div className="app-team__row">
            <button type="submit" className="app-button" aria-disabled={busy || undefined}>
              {busy ? t('team.action.busy') : t(SAVE_LABELS[panel])}
            </button>
            <button type="button" className="app-button app-button--secondary" onClick={() => setPanel(null)}>
              {t('team.action.cancel')}
            </button>
          </div>
        </form>
      )}

      {!panel && moreOpen && primary && secondary.length > 0 && (
        <div className="app-team__more" role="group" aria-label={t('team.action.more')}>
          {secondary.map((a, index) => (
            <button
              key={a}
              ref={index === 0 ? moreRef : undefined}
              type="button"
              className="app-button app-button--secondary"
              onClick={() => openPanel(a)}
            >
              {t(ACTION_LABELS[a])}
            </button>
          ))}
        </div>
      )}

      {/* One row stuck to the bottom of the screen: the main action, and the others behind "Việc
          khác" (shown above the bar), so the bar never hides much of a small screen. */}
      {!panel && actions.length > 0 && (
        <div className="app-team__actions" role="group" aria-label={t('team.action.bar')}>
          {primary ? (
            <>
              <button
                type="button"
                className="app-button app-team__primary"
                aria-disabled={busy || undefined}
                onClick={() =>
                  primary === 'accept'
                    ? void run(() => callRpc(acceptRequest, { request_id: requestId }), () => t('team.accept.done'))
                    : openPanel(primary)
                }
              >
                {busy && primary === 'accept' ? t('team.action.busy') : t(ACTION_LABELS[primary])}
              </button>
              {secondary.length > 0 && (
                <button
                  type="button"
                  className="app-button app-button--secondary app-team__more-toggle"
                  aria-expanded={moreOpen}
                  onClick={() => {
                    setMoreOpen(!moreOpen);
                    if (!moreOpen) requestAnimationFrame(() => moreRef.current?.focus());
                  }}
                >
                  {t('team.action.more')}
                </button>
              )}
            </>
          ) : (
            secondary.map((a) => (
              <button key={a} type="button" className="app-button app-button--secondary" onClick={() => openPanel(a)}>
                {t(ACTION_LABELS[a])}
              </button>
            ))
          )}
        </div>
      )}
    </section>
  );
}
