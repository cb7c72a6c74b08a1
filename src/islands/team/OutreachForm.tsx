import { useState, type FormEvent } from 'react';
import { t } from '../../lib/i18n/outreach';
import type { OutreachEntry } from '../../lib/api/outreach';
import type { RpcResult } from '../../lib/api/rpc';
import { OUTREACH_COUNTS, OUTREACH_KINDS, OUTREACH_NOTE_MAX, type OutreachCount } from '../../lib/domain/outreach';
import { PLATFORM_IDS } from '../../lib/domain/platform-ids';
import { fieldOfCode, formProblems, MAIN_COUNTS, type OutreachField, type OutreachValues } from '../../lib/outreach/form';
import { countLabel, kindText, outreachErrorText, platformText } from '../../lib/outreach/labels';
import { vietnamDay } from '../../lib/domain/vietnam-time';
import ErrorSummary from '../shared/ErrorSummary';
import Field from '../shared/Field';
import TextField from '../shared/TextField';
import { useProblems } from '../shared/useProblems';

interface Props {
  initial: OutreachValues;
  /** The entry being edited, or null for a new one. */
  editingId: number | null;
  communes: { code: string; name: string }[];
  limits: { editDays: number; maxAgeDays: number };
  now: Date;
  busy: boolean;
  onSave(values: OutreachValues): Promise<RpcResult<OutreachEntry>>;
  onSaved(): void;
  onCancel(): void;
}

/** Ids of the controls, in the form's order (the error summary links to them). */
const ids: Record<OutreachField, string> = {
  kind: 'ol-kind',
  people_helped: 'ol-people',
  shops: 'ol-shops',
  flyers: 'ol-flyers',
  participants: 'ol-participants',
  commune_code: 'ol-commune',
  day: 'ol-day',
  platforms: 'ol-platforms',
  note: 'ol-note',
};

/**
 * "Ghi nhận hoạt động" in a few taps on a phone: a big button per kind of work, the figures that
 * kind counts (numeric keypad), then commune (the team's), day (today, Vietnam time), platforms and
 * a short note without personal data. Problems show at their field and in the summary above.
 */
export default function OutreachForm({ initial, editingId, communes, limits, now, busy, onSave, onSaved, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const problems = useProblems<OutreachField>();
  const set = <K extends keyof OutreachValues>(key: K, value: OutreachValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setCount = (count: OutreachCount, value: string) => setValues((v) => ({ ...v, counts: { ...v.counts, [count]: value } }));

  const main = values.kind ? MAIN_COUNTS[values.kind] : (['people_helped'] as OutreachCount[]);
  const others = OUTREACH_COUNTS.filter((count) => !main.includes(count));
  const message = (code: string) => outreachErrorText(code, limits);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = formProblems(values);
    if (found.length > 0) {
      problems.fail({ fields: Object.fromEntries(found.map(([field, code]) => [field, message(code)])) });
      return;
    }
    const answer = await onSave(values);
    if (answer.ok) {
      problems.clear();
      onSaved();
      return;
    }
    const field = fieldOfCode(answer.code, values);
    problems.fail(field ? { fields: { [field]: message(answer.code) } } : { message: message(answer.code) });
  }

  const countField = (count: OutreachCount) => (
    <TextField
      key={count}
      id={ids[count]}
      label={countLabel(count)}
      error={problems.fields[count]}
      inputMode="numeric"
      pattern="[0-9]*"
      autoComplete="off"
      maxLength={7}
      className="app-outreach__number"
      value={values.counts[count]}
      onChange={(value) => setCount(count, value)}
    />
  );

  return (
    <form className="app-team__panel app-outreach" onSubmit={submit} noValidate aria-labelledby="ol-form-title">
      <h3 id="ol-form-title">{editingId ? t('outreach.editTitle', { day: values.day.split('-').reverse().join('/') }) : t('outreach.title')}</h3>
      <p className="app-notice">{t('outreach.privacy')}</p>
      <ErrorSummary items={problems.items(ids)} message={problems.message} headingLevel={4} focusKey={problems.focusKey} />

      <Field id={ids.kind} group label={t('outreach.kind')} error={problems.fields.kind}>
        <div className="app-outreach__kinds">
          {OUTREACH_KINDS.map((kind) => (
            <label key={kind} className="app-outreach__kind" data-checked={values.kind === kind || undefined}>
              <input type="radio" name="ol-kind" value={kind} checked={values.kind === kind} onChange={() => set('kind', kind)} />
              <span>{kindText(kind)}</span>
            </label>
          ))}
        </div>
      </Field>

      <p className="app-team__hint">{t('outreach.count.hint')}</p>
      {main.map(countField)}
      {others.length > 0 && (
        <details className="app-outreach__more" open={others.some((count) => values.counts[count] !== '' || problems.fields[count])}>
          <summary>{t('outreach.moreCounts')}</summary>
          {others.map(countField)}
        </details>
      )}

      <Field id={ids.commune_code} label={t('outreach.commune')} error={problems.fields.commune_code}>
        {(control) => (
          <select {...control} className="app-input" value={values.commune_code} onChange={(event) => set('commune_code', event.target.value)}>
            {communes.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
        )}
      </Field>

      <TextField
        id={ids.day}
        label={t('outreach.day')}
        hint={t('outreach.dayHint', { days: limits.maxAgeDays })}
        error={problems.fields.day}
        type="date"
        min={vietnamDay(-limits.maxAgeDays, now)}
        max={vietnamDay(0, now)}
        value={values.day}
        onChange={(value) => set('day', value)}
      />

      <Field id={ids.platforms} group label={t('outreach.platforms')} error={problems.fields.platforms}>
        {[...PLATFORM_IDS, 'other'].map((p) => (
          <div className="app-check" key={p}>
            <input
              id={`ol-platform-${p}`}
              type="checkbox"
              checked={values.platforms.includes(p)}
              onChange={(event) =>
                set('platforms', event.target.checked ? [...values.platforms, p] : values.platforms.filter((x) => x !== p))
              }
            />
            <label htmlFor={`ol-platform-${p}`}>{platformText(p)}</label>
          </div>
        ))}
      </Field>

      <Field id={ids.note} label={t('outreach.note')} hint={t('outreach.noteHint', { max: OUTREACH_NOTE_MAX })} error={problems.fields.note}>
        {(control) => (
          <textarea {...control} className="app-input app-team__textarea" rows={3} maxLength={OUTREACH_NOTE_MAX} value={values.note} onChange={(event) => set('note', event.target.value)} />
        )}
      </Field>

      <div className="app-team__row">
        <button type="submit" className="app-button app-team__primary" disabled={busy}>
          {busy ? t('outreach.saving') : editingId ? t('outreach.saveChanges') : t('outreach.save')}
        </button>
        {editingId && (
          <button type="button" className="app-button app-button--secondary" onClick={onCancel}>
            {t('outreach.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  );
}
