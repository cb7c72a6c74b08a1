import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/team';
import { callRpc } from '../../lib/api/rpc';
import {
  addRequestNote,
  closeRequest,
  handoverSuggestions,
  recordContactAttempt,
  releaseRequest,
  type HandoverSuggestion,
  type RequestDetail,
} from '../../lib/api/team';
import { NOTE_MAX_LENGTH, type HandoverReason, type TeamOutcome } from '../../lib/domain/team-vocabulary';
import { ACTION_LABELS, errorText, SAVE_LABELS } from '../../lib/team/labels';
import { noteText, panelProblems, type Panel, type PanelField } from '../../lib/team/request-actions';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import { useProblems } from '../shared/useProblems';
import type { ActResult, RequestState } from './useRequest';
import { CHOICE_IDS, HandoverChoices, OutcomeChoices } from './ActionChoices';

interface Props {
  panel: Panel;
  detail: RequestDetail;
  request: RequestState;
  /** Minimum unanswered calls before "could not reach" (from team_session). */
  minContactAttempts: number;
  onClose(): void;
}

/**
 * The form of one action (note, call attempt, close, release, hand over), opened below the details:
 * its choices, an optional note (required for a plain note), save and cancel. What is missing shows
 * in the error summary and at each field; what the server refuses shows above the request. Mounted
 * afresh for each action, so every form starts empty.
 */
export default function ActionForm({ panel, detail, request, minContactAttempts, onClose }: Props) {
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<TeamOutcome | null>(null);
  const [reason, setReason] = useState<HandoverReason | null>(null);
  const [target, setTarget] = useState<number | null>(null);
  const [suggestions, setSuggestions] = useState<HandoverSuggestion[] | null>(null);
  const problems = useProblems<PanelField>();
  const errors = problems.fields;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const requestId = detail.id;

  useEffect(() => {
    // The form opens below the details: bring it into view and announce it.
    requestAnimationFrame(() => {
      titleRef.current?.scrollIntoView({ block: 'start' });
      titleRef.current?.focus();
    });
    if (panel !== 'hand_over') return;
    void callRpc(handoverSuggestions, { request_id: requestId }).then((answer) => {
      if (answer.ok) setSuggestions(answer.data);
      else request.flash.show(errorText(answer.code), true);
    });
    // Once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Closes the form unless the server refused and the request is unchanged. */
  const settle = (result: ActResult) => {
    if (result !== 'failed') onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = panelProblems(panel, { note, outcome, reason, target });
    if (missing.length > 0) return problems.fail({ fields: Object.fromEntries(missing.map((p) => [p.field, errorText(p.code)])) });
    problems.clear();
    const text = noteText(note);
    const id = requestId;
    switch (panel) {
      case 'note':
        return settle(await request.act(() => callRpc(addRequestNote, { request_id: id, note: text! }), () => t('team.note.saved')));
      case 'contact_attempt':
        return settle(
          await request.act(
            () => callRpc(recordContactAttempt, { request_id: id, note: text }),
            (d) => t('team.attempt.saved', { count: d.contact_attempts }),
          ),
        );
      case 'close':
        return settle(await request.act(() => callRpc(closeRequest, { request_id: id, outcome: outcome!, note: text }), () => t('team.close.done')));
      case 'release':
        return settle(await request.act(() => callRpc(releaseRequest, { request_id: id, note: text }), () => t('team.release.done')));
      case 'hand_over':
        return request.handOver({ to_team_id: target!, reason: reason!, note: text }, onClose);
    }
  }

  // The summary links to each field's first control (the team list may still be loading), in the
  // order of the form.
  const fieldIds: Record<PanelField, string> = {
    outcome: CHOICE_IDS.outcome(),
    team: suggestions?.length ? CHOICE_IDS.team(suggestions[0].id) : CHOICE_IDS.teams,
    reason: CHOICE_IDS.reason(detail.status),
    note: 'tw-note',
  };

  return (
    <form className="app-team__panel" onSubmit={submit} noValidate aria-labelledby="tw-panel-title">
      <h3 id="tw-panel-title" ref={titleRef} tabIndex={-1}>
        {t(ACTION_LABELS[panel])}
      </h3>
      <ErrorSummary items={problems.items(fieldIds)} headingLevel={4} focusKey={problems.focusKey} />
      {panel === 'release' && <p>{t('team.release.confirm')}</p>}
      {panel === 'close' && (
        <OutcomeChoices
          value={outcome}
          onChange={setOutcome}
          attempts={detail.contact_attempts}
          minAttempts={minContactAttempts}
          error={errors.outcome}
        />
      )}
      {panel === 'hand_over' && (
        <HandoverChoices
          status={detail.status}
          suggestions={suggestions}
          target={target}
          onTarget={setTarget}
          reason={reason}
          onReason={setReason}
          errors={errors}
        />
      )}
      <Field
        id="tw-note"
        label={panel === 'note' ? t('team.note.label') : t('team.note.optionalLabel')}
        hint={t('team.note.hint')}
        error={errors.note}
      >
        {(control) => (
          <textarea
            {...control}
            className="app-input app-team__textarea"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <div className="app-team__row">
        <button type="submit" className="app-button" aria-disabled={request.busy || undefined}>
          {request.busy ? t('team.action.busy') : t(SAVE_LABELS[panel])}
        </button>
        <button type="button" className="app-button app-button--secondary" onClick={onClose}>
          {t('team.action.cancel')}
        </button>
      </div>
    </form>
  );
}
