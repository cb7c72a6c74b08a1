import { t } from '../../lib/i18n/booking';
import { LIMITS } from '../../lib/schemas/help-request';
import { INPUT_IDS, OTHER_INPUT_IDS, type SectionProps } from './fields';
import TextField from '../shared/TextField';

/** Longest phone number as typed (spaces, dots, +84); the schema checks the digits. */
const PHONE_MAX = 30;
/** Room for stray spaces beyond the name limit; the schema checks the cleaned name. */
const NAME_MAX = LIMITS.name + 20;

/**
 * Who the help is for, asked first ("Bạn đặt cho ai?": the labels below depend on it), then the
 * submitter's phone and name (the contact), then, when booking on someone's behalf, the name and
 * phone of the person who needs help.
 */
export default function WhoSection({ values, errors, set }: SectionProps) {
  return (
    <>
      <fieldset className="app-field__group">
        <legend className="app-field__label">{t('booking.forWhom.legend')}</legend>
        <div className="app-check">
          <input
            id="bk-for-me"
            type="radio"
            name="bk-for-whom"
            checked={!values.onBehalf}
            onChange={() => set('onBehalf', false)}
          />
          <label htmlFor="bk-for-me">{t('booking.forWhom.me')}</label>
        </div>
        <div className="app-check">
          <input
            id={OTHER_INPUT_IDS.onBehalf}
            type="radio"
            name="bk-for-whom"
            checked={values.onBehalf}
            onChange={() => set('onBehalf', true)}
            aria-describedby={`${OTHER_INPUT_IDS.onBehalf}-hint`}
          />
          <label htmlFor={OTHER_INPUT_IDS.onBehalf}>{t('booking.onBehalf.label')}</label>
          <p className="app-field__hint" id={`${OTHER_INPUT_IDS.onBehalf}-hint`}>
            {t('booking.onBehalf.hint')}
          </p>
        </div>
      </fieldset>

      <TextField
        id={INPUT_IDS.phone}
        label={values.onBehalf ? t('booking.helperPhone.label') : t('booking.phone.label')}
        hint={t('booking.phone.hint')}
        error={errors.phone}
        value={values.phone}
        onChange={(value) => set('phone', value)}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={PHONE_MAX}
      />
      <TextField
        id={INPUT_IDS.name}
        label={values.onBehalf ? t('booking.helperName.label') : t('booking.name.label')}
        error={errors.name}
        value={values.name}
        onChange={(value) => set('name', value)}
        autoComplete="name"
        maxLength={NAME_MAX}
      />

      {values.onBehalf && (
        <fieldset className="app-field__group">
          <legend className="app-field__label">{t('booking.person.legend')}</legend>
          <TextField
            id={INPUT_IDS.personName}
            label={t('booking.personName.label')}
            error={errors.personName}
            value={values.personName}
            onChange={(value) => set('personName', value)}
            maxLength={NAME_MAX}
          />
          <TextField
            id={INPUT_IDS.personPhone}
            label={t('booking.personPhone.label')}
            error={errors.personPhone}
            value={values.personPhone}
            onChange={(value) => set('personPhone', value)}
            type="tel"
            inputMode="tel"
            maxLength={PHONE_MAX}
          />
        </fieldset>
      )}
    </>
  );
}
