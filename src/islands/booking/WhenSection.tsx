import { TIME_LABELS } from '../../lib/booking/request-labels';
import { t } from '../../lib/i18n/booking';
import { TIME_WINDOWS } from '../../lib/schemas/help-request';
import Field from '../shared/Field';
import { CHOICE_IDS, type SectionProps } from './fields';

/** When the team may come or call: one of the time windows ("any time" preselected). */
export default function WhenSection({ values, errors, set }: SectionProps) {
  return (
    <Field id={CHOICE_IDS.timeWindows} group label={t('booking.time.legend')} error={errors.timeWindow}>
      {TIME_WINDOWS.map((window) => (
        <div className="app-check" key={window}>
          <input
            id={CHOICE_IDS.timeWindow(window)}
            type="radio"
            name="time_window"
            checked={values.timeWindow === window}
            onChange={() => set('timeWindow', window)}
          />
          <label htmlFor={CHOICE_IDS.timeWindow(window)}>{t(TIME_LABELS[window])}</label>
        </div>
      ))}
    </Field>
  );
}
