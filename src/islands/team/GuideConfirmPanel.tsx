import { useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/team';
import { callRpc } from '../../lib/api/rpc';
import { recordGuideConfirmation } from '../../lib/api/confirmations';
import { errorText } from '../../lib/team/labels';
import {
  confirmationPayload,
  confirmationProblems,
  confirmationRefusal,
  EMPTY_CONFIRMATION,
  type ConfirmField,
  type ConfirmValues,
} from '../../lib/team/guide-confirmation';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';
import type { GuideLinks, PlatformLinks } from './types';

interface Props {
  guides: GuideLinks;
  platforms: PlatformLinks;
}

/** Ids of the controls, in the order of the form (the error summary links to them). */
const ids: Record<ConfirmField, string> = {
  guide: 'gc-guide',
  app: 'gc-app',
  version: 'gc-version',
  system: 'gc-system-android',
  result: 'gc-result-ok',
  step: 'gc-step',
  note: 'gc-note',
};

/**
 * "Xác nhận hướng dẫn trên ứng dụng thật": a member who has just followed a guide in the real app
 * says whether its steps are still right, or which step differs and what the screen shows now.
 * Folded away (a <details>) under the workspace, so the queue stays first.
 */
export default function GuideConfirmPanel({ guides, platforms }: Props) {
  const [values, setValues] = useState<ConfirmValues>(EMPTY_CONFIRMATION);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const problems = useProblems<ConfirmField>();
  const options = Object.entries(guides).sort(([, a], [, b]) => a.title.localeCompare(b.title, 'vi'));
  const set = <K extends keyof ConfirmValues>(key: K, value: ConfirmValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  function chooseGuide(code: string) {
    // The guide's app as a first guess, when the member has not typed one.
    const platform = guides[code] ? platforms[guides[code].platform]?.name : undefined;
    setValues((v) => ({ ...v, guide: code, app: v.app || platform || '' }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const found = confirmationProblems(values);
    if (Object.keys(found).length > 0) {
      return problems.fail({ fields: Object.fromEntries(Object.entries(found).map(([f, key]) => [f, t(key)])) });
    }
    setBusy(true);
    const answer = await callRpc(recordGuideConfirmation, confirmationPayload(values));
    setBusy(false);
    if (!answer.ok) {
      const refusal = confirmationRefusal(answer.code);
      if (refusal) return problems.fail({ fields: { [refusal.field]: t(refusal.message) } });
      return problems.fail({ message: answer.code === 'rate_limited' ? t('confirm.error.rateLimited') : errorText(answer.code) });
    }
    problems.clear();
    const title = guides[values.guide]?.title ?? values.guide;
    setSaved(t(values.result === 'ok' ? 'confirm.savedOk' : 'confirm.savedReport', { guide: title }));
    setValues({ ...EMPTY_CONFIRMATION, app: values.app, version: values.version, system: values.system });
  }

  const errors = problems.fields;
  const radio = (field: 'system' | 'result', value: string, label: string) => (
    <div className="app-check" key={value}>
      <input id={`gc-${field}-${value}`} type="radio" name={`gc-${field}`} checked={values[field] === value} onChange={() => set(field, value as never)} />
      <label htmlFor={`gc-${field}-${value}`}>{label}</label>
    </div>
  );
  return (
    <details className="app-team__panel app-team__confirm">
      <summary>
        <h2 id="gc-title" className="app-team__confirm-title">{t('confirm.title')}</h2>
      </summary>
      <form onSubmit={submit} noValidate aria-labelledby="gc-title">
        <p className="app-team__hint">{t('confirm.lead')}</p>
        {saved && <p className="app-notice" role="status">{saved}</p>}
        <ErrorSummary items={problems.items(ids)} message={problems.message} headingLevel={3} focusKey={problems.focusKey} />
        <Field id={ids.guide} label={t('confirm.guide')} error={errors.guide}>
          {(control) => (
            <select {...control} className="app-input" value={values.guide} onChange={(e) => chooseGuide(e.target.value)}>
              <option value="">{t('confirm.guideChoose')}</option>
              {options.map(([code, guide]) => (
                <option key={code} value={code}>
                  {guide.title} ({platforms[guide.platform]?.name ?? guide.platform})
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField id={ids.app} label={t('confirm.app')} hint={t('confirm.appHint')} error={errors.app} value={values.app} onChange={(v) => set('app', v)} maxLength={40} />
        <TextField id={ids.version} label={t('confirm.version')} hint={t('confirm.versionHint')} error={errors.version} value={values.version} onChange={(v) => set('version', v)} inputMode="decimal" maxLength={19} autoComplete="off" />
        <Field id="gc-system" group label={t('confirm.system')} error={errors.system}>
          {radio('system', 'android', t('confirm.android'))}
          {radio('system', 'ios', t('confirm.ios'))}
        </Field>
        <Field id="gc-result" group label={t('confirm.result')} error={errors.result}>
          {radio('result', 'ok', t('confirm.ok'))}
          {radio('result', 'differs', t('confirm.differs'))}
        </Field>
        {values.result === 'differs' && (
          <>
            <TextField id={ids.step} label={t('confirm.step')} hint={t('confirm.stepHint')} error={errors.step} value={values.step} onChange={(v) => set('step', v)} inputMode="numeric" maxLength={2} />
            <Field id={ids.note} label={t('confirm.note')} hint={t('confirm.noteHint')} error={errors.note}>
              {(control) => (
                <textarea {...control} className="app-input" rows={4} maxLength={500} value={values.note} onChange={(e) => set('note', e.target.value)} />
              )}
            </Field>
          </>
        )}
        <button type="submit" className="app-button" disabled={busy}>
          {busy ? t('confirm.sending') : t('confirm.send')}
        </button>
      </form>
    </details>
  );
}
