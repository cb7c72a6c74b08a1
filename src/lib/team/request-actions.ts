/**
 * What the request screen of the team workspace offers and checks, as pure functions of the
 * request the server sent (team_request): which action is the big button at the bottom, which wait
 * behind "Thao tác khác", which hand-over reasons fit, which number to call, and what a form still
 * lacks before it is sent. The server decides what is allowed (`actions`) and checks everything
 * again; these only arrange it. Unit-tested in tests/unit/team-request-actions.test.ts.
 */
import type { RequestDetail } from '../api/team';
import {
  HANDOVER_REASONS,
  type HandoverReason,
  type RequestAction,
  type TeamOutcome,
} from '../domain/team-vocabulary';

/** Actions that open a small form above the action bar (all but accepting). */
export type Panel = Exclude<RequestAction, 'accept'>;

/** Errors after which what is on screen is stale: the request is read again. */
const RELOAD_ON: ReadonlySet<string> = new Set(['not_found', 'request_closed', 'state_invalid', 'already_accepted', 'not_yours']);

/** Whether an error code means the request changed meanwhile (read it again). */
export function isStale(code: string): boolean {
  return RELOAD_ON.has(code);
}

/**
 * The one action on the big button: accept while it is waiting, close once accepted, and hand over
 * a request in the province pool; null when none of those is allowed.
 */
export function primaryAction(detail: Pick<RequestDetail, 'actions' | 'status'>): RequestAction | null {
  const { actions } = detail;
  if (actions.includes('accept')) return 'accept';
  if (actions.includes('close')) return 'close';
  if (actions.includes('hand_over') && detail.status === 'unassigned') return 'hand_over';
  return null;
}

/** The other allowed actions, in the server's order (behind "Thao tác khác" when there is a primary). */
export function secondaryActions(detail: Pick<RequestDetail, 'actions'>, primary: RequestAction | null): Panel[] {
  return detail.actions.filter((action): action is Panel => action !== primary && action !== 'accept');
}

/** Reasons to offer for a hand-over: "assigned from the pool" only for a pool request, "other" always. */
export function handoverReasons(status: RequestDetail['status']): HandoverReason[] {
  return HANDOVER_REASONS.filter((reason) => (reason === 'pool_assignment') === (status === 'unassigned') || reason === 'other');
}

/** The number the member calls: the helper's when someone booked on the citizen's behalf. */
export function phoneToCall(detail: Pick<RequestDetail, 'contact' | 'on_behalf'>): string | null {
  const contact = detail.contact;
  if (!contact) return null;
  return detail.on_behalf ? contact.helper_phone : contact.phone;
}

/** What a panel's form holds. */
export interface PanelForm {
  note: string;
  outcome: TeamOutcome | null;
  reason: HandoverReason | null;
  /** The team a request is handed to. */
  target: number | null;
}

/** A part of a panel's form that can be missing. */
export type PanelField = 'note' | 'outcome' | 'team' | 'reason';

/** What a panel's form lacks: the field, and the server's error code for it (same words on screen). */
interface PanelProblem {
  field: PanelField;
  code: 'note_invalid' | 'outcome_invalid' | 'team_invalid' | 'reason_invalid';
}

/**
 * Everything a panel's form lacks, in the order of the form (empty when it may be sent): a note
 * needs text, closing an outcome, a hand-over a team and a reason. Other notes are optional.
 */
export function panelProblems(panel: Panel, form: PanelForm): PanelProblem[] {
  const problems: PanelProblem[] = [];
  if (panel === 'close' && !form.outcome) problems.push({ field: 'outcome', code: 'outcome_invalid' });
  if (panel === 'hand_over' && !form.target) problems.push({ field: 'team', code: 'team_invalid' });
  if (panel === 'hand_over' && !form.reason) problems.push({ field: 'reason', code: 'reason_invalid' });
  if (panel === 'note' && noteText(form.note) === null) problems.push({ field: 'note', code: 'note_invalid' });
  return problems;
}

/** The note as sent: null when only blanks were typed (the server trims and checks it). */
export function noteText(note: string): string | null {
  return note.trim() ? note : null;
}
