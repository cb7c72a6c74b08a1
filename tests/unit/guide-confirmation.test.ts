import { describe, expect, it } from 'vitest';
import {
  confirmationPayload,
  confirmationProblems,
  confirmationRefusal,
  EMPTY_CONFIRMATION,
  type ConfirmValues,
} from '../../src/lib/team/guide-confirmation.ts';

const filled: ConfirmValues = { guide: 'vs4', app: ' VssID ', version: '1.6.2 ', system: 'ios', result: 'ok', step: '', note: '' };

describe('the guide confirmation form', () => {
  it('names every missing field of an empty form', () => {
    expect(Object.keys(confirmationProblems(EMPTY_CONFIRMATION)).sort()).toEqual(['app', 'guide', 'result', 'system', 'version']);
  });

  it('asks for the step and the screen only when a step differs', () => {
    expect(confirmationProblems(filled)).toEqual({});
    expect(confirmationProblems({ ...filled, result: 'differs' })).toEqual({ step: 'confirm.error.step', note: 'confirm.error.note' });
    expect(confirmationProblems({ ...filled, result: 'differs', step: '51', note: 'Nút đổi tên' })).toEqual({ step: 'confirm.error.step' });
  });

  it('accepts versions of digits and dots only', () => {
    for (const version of ['1', '1.6', '10.2.3.4']) expect(confirmationProblems({ ...filled, version }).version).toBeUndefined();
    for (const version of ['', 'v1.6', '1.6-beta', 'mới nhất', '1..2']) expect(confirmationProblems({ ...filled, version }).version).toBe('confirm.error.version');
  });

  it('sends trimmed values, and a step and note only with a report', () => {
    expect(confirmationPayload({ ...filled, step: '3', note: 'x' })).toEqual({
      guide_code: 'vs4', app_name: 'VssID', app_version: '1.6.2', phone_system: 'ios', steps_ok: true, step_number: null, screen_note: null,
    });
    expect(confirmationPayload({ ...filled, result: 'differs', step: ' 3 ', note: ' Nút "Tiếp" nay là "Đồng ý" ' })).toMatchObject({
      steps_ok: false, step_number: 3, screen_note: 'Nút "Tiếp" nay là "Đồng ý"',
    });
  });

  it('maps the database refusals to their field', () => {
    expect(confirmationRefusal('version_invalid')).toEqual({ field: 'version', message: 'confirm.error.version' });
    expect(confirmationRefusal('rate_limited')).toBeNull();
  });
});
