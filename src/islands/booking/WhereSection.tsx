import type { CommuneChoice } from '../../lib/booking/communes';
import type { LocationState } from '../../lib/booking/location';
import { t, type MessageKey } from '../../lib/i18n/booking';
import { LIMITS } from '../../lib/schemas/help-request';
import Field from '../shared/Field';
import CommunePicker from './CommunePicker';
import CommuneSessions from './CommuneSessions';
import { INPUT_IDS, type SectionProps } from './fields';
import TextField from '../shared/TextField';

/** The line under "Dùng vị trí của tôi" for each state (none while idle). */
const LOCATION_TEXT: Partial<Record<LocationState, MessageKey>> = {
  locating: 'booking.location.locating',
  got: 'booking.location.got',
  suggested: 'booking.location.suggested',
  outside: 'booking.location.outside',
  failed: 'booking.location.failed',
};

/** The same when booking for someone else: the position is where the person helped is. */
const LOCATION_TEXT_ON_BEHALF: Partial<Record<LocationState, MessageKey>> = {
  ...LOCATION_TEXT,
  got: 'booking.location.onBehalf.got',
  suggested: 'booking.location.onBehalf.suggested',
};

interface Props extends SectionProps {
  communes: CommuneChoice[];
  /** While the request is on its way, the picker's own buttons are off too. */
  locked: boolean;
  /** What is typed in the commune box and not yet chosen. */
  communeText: string;
  setCommuneText(text: string): void;
  /** The position button's state (useGeolocation). */
  location: { state: LocationState; suggested: string; locate(): void; reset(): void };
}

/** Where to help: the commune (required), the address and the phone's position (both optional). */
export default function WhereSection({ values, errors, set, communes, locked, location, communeText, setCommuneText }: Props) {
  const proxy = values.onBehalf;
  const line = (proxy ? LOCATION_TEXT_ON_BEHALF : LOCATION_TEXT)[location.state];
  const chosen = values.communeCode ? communes.find((c) => c.code === values.communeCode) : undefined;
  return (
    <>
      <CommunePicker
        communes={communes}
        value={values.communeCode}
        onChange={(code) => set('communeCode', code)}
        inputId={INPUT_IDS.commune}
        error={errors.commune}
        disabled={locked}
        query={communeText}
        onQueryChange={setCommuneText}
      />
      {chosen && <CommuneSessions key={chosen.slug} commune={chosen} />}

      <TextField
        id={INPUT_IDS.address}
        label={`${t('booking.address.label')} ${t('booking.optional')}`}
        hint={t('booking.address.hint')}
        error={errors.address}
        value={values.address}
        onChange={(value) => set('address', value)}
        autoComplete="street-address"
        maxLength={LIMITS.address + 20}
      />

      <Field
        id={INPUT_IDS.location}
        hint={t(proxy ? 'booking.location.onBehalf.hint' : 'booking.location.hint')}
        error={errors.location}
      >
        {(control) => (
          <>
            <div className="app-actions">
              <button
                id={control.id}
                type="button"
                className="app-button app-button--secondary"
                onClick={location.locate}
                aria-describedby={control['aria-describedby']}
              >
                {t(proxy ? 'booking.location.onBehalf.button' : 'booking.location.button')}
              </button>
              {values.location && (
                <button
                  type="button"
                  className="app-button app-button--secondary"
                  onClick={() => {
                    set('location', null);
                    location.reset();
                  }}
                >
                  {t('booking.location.remove')}
                </button>
              )}
            </div>
            <p className="app-field__hint" role="status">
              {line ? t(line, { name: location.suggested }) : ''}
            </p>
          </>
        )}
      </Field>
    </>
  );
}
