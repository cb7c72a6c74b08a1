import { t } from '../../lib/i18n/booking';
import Field from '../shared/Field';
import { INPUT_IDS, OTHER_INPUT_IDS, type SectionProps } from './fields';

/**
 * The privacy notice and the consent box (never pre-ticked; on someone's behalf the submitter also
 * confirms the person agreed), then the honeypot.
 */
export default function ConsentSection({ values, errors, set }: SectionProps) {
  return (
    <>
      <Field
        id={INPUT_IDS.consent}
        hint={
          <>
            {t('booking.consent.notice')} <a href="/quyen-rieng-tu/">{t('booking.consent.more')}</a>
          </>
        }
        hintClassName="app-booking__notice-text"
        error={errors.consent}
      >
        {(control) => (
          <div className="app-check">
            <input
              {...control}
              type="checkbox"
              checked={values.consent}
              onChange={(event) => set('consent', event.target.checked)}
            />
            <label htmlFor={control.id}>
              {values.onBehalf ? t('booking.consent.labelOnBehalf') : t('booking.consent.label')}
            </label>
          </div>
        )}
      </Field>

      {/* Honeypot: hidden from people and assistive technology; bots that fill every input fill it. */}
      <div className="app-booking__hp" aria-hidden="true">
        <label htmlFor={OTHER_INPUT_IDS.website}>{t('booking.honeypot.label')}</label>
        <input
          id={OTHER_INPUT_IDS.website}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={values.website}
          onChange={(event) => set('website', event.target.value)}
        />
      </div>
    </>
  );
}
