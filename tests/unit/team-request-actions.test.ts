import { describe, expect, it } from 'vitest';
import {
  handoverReasons,
  isStale,
  noteText,
  panelProblems,
  phoneToCall,
  primaryAction,
  secondaryActions,
  type PanelForm,
} from '../../src/lib/team/request-actions.ts';
import { ACTION_LABELS, NOTE_KIND_LABELS, SAVE_LABELS } from '../../src/lib/team/labels.ts';
import { REQUEST_ACTIONS } from '../../src/lib/domain/team-vocabulary.ts';
import { t } from '../../src/lib/i18n/team.ts';

const EMPTY: PanelForm = { note: '', outcome: null, reason: null, target: null };

describe('the actions of a request', () => {
  it('puts accepting, then closing, then a pool hand-over on the big button', () => {
    expect(primaryAction({ status: 'assigned', actions: ['accept', 'hand_over', 'note'] })).toBe('accept');
    expect(primaryAction({ status: 'accepted', actions: ['note', 'contact_attempt', 'close', 'release', 'hand_over'] })).toBe('close');
    expect(primaryAction({ status: 'unassigned', actions: ['hand_over', 'note'] })).toBe('hand_over');
    // A team's own request is handed over from "Thao tác khác", not the big button.
    expect(primaryAction({ status: 'assigned', actions: ['hand_over', 'note'] })).toBeNull();
    expect(primaryAction({ status: 'closed', actions: [] })).toBeNull();
  });

  it('keeps the others in the server order, never accepting', () => {
    const actions = ['accept', 'note', 'hand_over'] as const;
    expect(secondaryActions({ actions: [...actions] }, 'accept')).toEqual(['note', 'hand_over']);
    expect(secondaryActions({ actions: ['note', 'close', 'release'] }, 'close')).toEqual(['note', 'release']);
    expect(secondaryActions({ actions: ['hand_over', 'note'] }, null)).toEqual(['hand_over', 'note']);
  });

  it('offers "assigned from the pool" only for a pool request, and "other" always', () => {
    expect(handoverReasons('unassigned')).toEqual(['pool_assignment', 'other']);
    expect(handoverReasons('accepted')).toEqual(['too_far', 'team_full', 'needs_other_skills', 'citizen_request', 'other']);
  });

  it('calls the helper when someone booked on the citizen’s behalf', () => {
    const contact = { name: 'Hùng', phone: '0912345678', helper_name: 'Lan', helper_phone: '0987654321', address: null, description: null, gps: null, verification_word: 'hoa sen' };
    expect(phoneToCall({ contact, on_behalf: false })).toBe('0912345678');
    expect(phoneToCall({ contact, on_behalf: true })).toBe('0987654321');
    expect(phoneToCall({ contact: null, on_behalf: false })).toBeNull();
  });

  it('reads the request again after the errors that mean it changed meanwhile', () => {
    for (const code of ['not_found', 'request_closed', 'state_invalid', 'already_accepted', 'not_yours']) expect(isStale(code)).toBe(true);
    for (const code of ['note_invalid', 'team_full', 'network']) expect(isStale(code)).toBe(false);
  });
});

describe('the action forms', () => {
  it('say everything that is missing, in the order of the form and the server’s words', () => {
    expect(panelProblems('note', EMPTY)).toEqual([{ field: 'note', code: 'note_invalid' }]);
    expect(panelProblems('note', { ...EMPTY, note: '   ' })).toEqual([{ field: 'note', code: 'note_invalid' }]);
    expect(panelProblems('note', { ...EMPTY, note: 'Đã gọi' })).toEqual([]);
    expect(panelProblems('close', EMPTY)).toEqual([{ field: 'outcome', code: 'outcome_invalid' }]);
    expect(panelProblems('close', { ...EMPTY, outcome: 'helped' })).toEqual([]);
    expect(panelProblems('hand_over', EMPTY)).toEqual([
      { field: 'team', code: 'team_invalid' },
      { field: 'reason', code: 'reason_invalid' },
    ]);
    expect(panelProblems('hand_over', { ...EMPTY, target: 7 })).toEqual([{ field: 'reason', code: 'reason_invalid' }]);
    expect(panelProblems('hand_over', { ...EMPTY, target: 7, reason: 'too_far' })).toEqual([]);
    // Notes are optional elsewhere.
    expect(panelProblems('contact_attempt', EMPTY)).toEqual([]);
    expect(panelProblems('release', EMPTY)).toEqual([]);
  });

  it('send a blank note as none', () => {
    expect(noteText(' \n ')).toBeNull();
    expect(noteText(' Đã gọi ')).toBe(' Đã gọi ');
  });

  it('have a label and a save button for every action and note kind', () => {
    for (const action of REQUEST_ACTIONS) expect(t(ACTION_LABELS[action])).not.toContain('team.');
    for (const key of [...Object.values(SAVE_LABELS), ...Object.values(NOTE_KIND_LABELS)]) expect(t(key)).not.toContain('team.');
  });
});
