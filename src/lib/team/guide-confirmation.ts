/**
 * The rules of the "Xác nhận hướng dẫn" form in /doi/ (src/islands/team/GuideConfirmPanel.tsx):
 * what the member typed → the problems to show, or the RPC's arguments. The database checks the
 * same rules (record_guide_confirmation); these only spare a round trip and name the field.
 */
import type { RpcArgs } from '../api/rpc';
import type { recordGuideConfirmation } from '../api/confirmations';
import type { MessageKey } from '../i18n/team';

export type ConfirmField = 'guide' | 'app' | 'version' | 'system' | 'result' | 'step' | 'note';

/** The form as typed. */
export interface ConfirmValues {
  guide: string;
  app: string;
  version: string;
  system: '' | 'android' | 'ios';
  result: '' | 'ok' | 'differs';
  step: string;
  note: string;
}

export const EMPTY_CONFIRMATION: ConfirmValues = { guide: '', app: '', version: '', system: '', result: '', step: '', note: '' };

const VERSION = /^[0-9]{1,4}(\.[0-9]{1,4}){0,3}$/;

/** The message of each field that is wrong (none: the form may be sent). */
export function confirmationProblems(values: ConfirmValues): Partial<Record<ConfirmField, MessageKey>> {
  const problems: Partial<Record<ConfirmField, MessageKey>> = {};
  const app = values.app.trim();
  if (!values.guide) problems.guide = 'confirm.error.guide';
  if (app.length < 2 || app.length > 40) problems.app = 'confirm.error.app';
  if (!VERSION.test(values.version.trim())) problems.version = 'confirm.error.version';
  if (!values.system) problems.system = 'confirm.error.system';
  if (!values.result) problems.result = 'confirm.error.result';
  if (values.result === 'differs') {
    const step = Number(values.step.trim());
    if (!Number.isInteger(step) || step < 1 || step > 50) problems.step = 'confirm.error.step';
    const note = values.note.trim();
    if (note.length < 5 || note.length > 500) problems.note = 'confirm.error.note';
  }
  return problems;
}

/** The RPC's arguments for a form without problems. */
export function confirmationPayload(values: ConfirmValues): RpcArgs<typeof recordGuideConfirmation> {
  const differs = values.result === 'differs';
  return {
    guide_code: values.guide,
    app_name: values.app.trim(),
    app_version: values.version.trim(),
    phone_system: values.system === 'ios' ? 'ios' : 'android',
    steps_ok: !differs,
    step_number: differs ? Number(values.step.trim()) : null,
    screen_note: differs ? values.note.trim() : null,
  };
}

/** The field a refusal of the database is about, with its message; null for the others. */
export function confirmationRefusal(code: string): { field: ConfirmField; message: MessageKey } | null {
  const byCode: Record<string, [ConfirmField, MessageKey]> = {
    guide_invalid: ['guide', 'confirm.error.guide'],
    app_invalid: ['app', 'confirm.error.app'],
    version_invalid: ['version', 'confirm.error.version'],
    system_invalid: ['system', 'confirm.error.system'],
    result_required: ['result', 'confirm.error.result'],
    step_invalid: ['step', 'confirm.error.step'],
    note_required: ['note', 'confirm.error.note'],
    note_invalid: ['note', 'confirm.error.note'],
  };
  const hit = byCode[code];
  return hit ? { field: hit[0], message: hit[1] } : null;
}
