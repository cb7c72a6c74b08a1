import { t } from '../../lib/i18n/booking';
import type { GuideChoice } from '../../lib/booking/presets';
import { LIMITS, NEED_IDS, codePointLength, type NeedId } from '../../lib/schemas/help-request';
import Field from '../shared/Field';
import { CHOICE_IDS, INPUT_IDS, type SectionProps } from './fields';

interface Props extends SectionProps {
  guides: GuideChoice[];
  /** Platforms offered as needs, in display order (id and short name). */
  platforms: { id: string; name: string }[];
}

/** The count under the description appears when this many characters are left. */
const COUNT_FROM = 100;

/**
 * What help is needed: the platforms (and "something else"), the guide and step the citizen came
 * from (removable), and an optional description with the characters left near the limit.
 */
export default function WhatSection({ values, errors, set, guides, platforms }: Props) {
  const needs = [...platforms, { id: 'other', name: t('booking.needs.other') }].filter((p) =>
    (NEED_IDS as readonly string[]).includes(p.id),
  );
  const toggle = (id: NeedId, on: boolean) =>
    set('needs', on ? [...values.needs, id] : values.needs.filter((n) => n !== id));
  const left = LIMITS.description - codePointLength(values.description);

  return (
    <>
      <Field id={CHOICE_IDS.needs} group label={t('booking.needs.legend')} hint={t('booking.needs.hint')} error={errors.needs}>
        {needs.map((p) => (
          <div className="app-check" key={p.id}>
            <input
              id={CHOICE_IDS.need(p.id)}
              type="checkbox"
              checked={values.needs.includes(p.id as NeedId)}
              onChange={(event) => toggle(p.id as NeedId, event.target.checked)}
            />
            <label htmlFor={CHOICE_IDS.need(p.id)}>{p.name}</label>
          </div>
        ))}
      </Field>

      {values.guideCode && <GuideNote values={values} errors={errors} set={set} guides={guides} />}

      <Field
        id={INPUT_IDS.description}
        label={`${t('booking.description.label')} ${t('booking.optional')}`}
        hint={t('booking.description.hint')}
        error={errors.description}
        describedBy="bk-description-count"
      >
        {(control) => (
          <>
            <textarea
              {...control}
              className="app-input app-booking__textarea"
              rows={4}
              value={values.description}
              onChange={(event) => set('description', event.target.value)}
            />
            <p className="app-field__hint" id="bk-description-count" aria-live="polite">
              {left <= COUNT_FROM ? t('booking.description.count', { left: Math.max(0, left) }) : ''}
            </p>
          </>
        )}
      </Field>
    </>
  );
}

/** The guide (and step) the citizen came from, with a button to take it off the request. */
function GuideNote({ values, errors, set, guides }: SectionProps & { guides: GuideChoice[] }) {
  const guide = guides.find((g) => g.code === values.guideCode);
  return (
    <Field id={INPUT_IDS.guide} error={errors.guide}>
      <div className="app-panel app-booking__guide">
        <p>
          {guide
            ? t('booking.guide.label', { title: guide.title })
            : t('booking.guide.unknown', { code: values.guideCode ?? '' })}
        </p>
        {values.guideStep && <p>{t('booking.guide.step', { step: values.guideStep })}</p>}
        <button
          id={INPUT_IDS.guide}
          type="button"
          className="app-button app-button--secondary"
          onClick={() => {
            set('guideCode', null);
            set('guideStep', null);
          }}
        >
          {t('booking.guide.remove')}
        </button>
      </div>
    </Field>
  );
}
