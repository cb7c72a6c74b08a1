import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import '../shared/citizen.css';
import './booking.css';
import type { CommuneChoice } from '../../lib/booking/communes';
import {
  checkBooking,
  errorsOf,
  fieldErrorsInOrder,
  withTypedCommune,
  type FormErrors,
  type FormFieldId,
} from '../../lib/booking/form-errors';
import { EMPTY_VALUES, fromPayload, type BookingValues } from '../../lib/booking/form-values';
import type { LocatedPlace } from '../../lib/booking/location';
import type { GuideChoice } from '../../lib/booking/presets';
import { t } from '../../lib/i18n/booking';
import type { HelpRequest } from '../../lib/schemas/help-request';
import ErrorSummary from '../shared/ErrorSummary';
import { useProblems } from '../shared/useProblems';
import Confirmation from './Confirmation';
import ConsentSection from './ConsentSection';
import MessagesSection from './MessagesSection';
import { INPUT_IDS, type SetValue } from './fields';
import SendStatus, { BackendDownNotice, OfflineNotice } from './SendStatus';
import { useOnline } from './useOnline';
import { useGeolocation } from './useGeolocation';
import { useSubmission } from './useSubmission';
import { useUrlPreset } from './useUrlPreset';
import WhatSection from './WhatSection';
import WhenSection from './WhenSection';
import WhereSection from './WhereSection';
import WhoSection from './WhoSection';

interface Props {
  communes: CommuneChoice[];
  guides: GuideChoice[];
  /** Platforms offered as needs, in display order (id and short name). */
  platforms: { id: string; name: string }[];
}

/**
 * The booking form (/dat-lich/). Phone first; labels above fields; a message next to each field and
 * a summary of all of them at the top on submit (GOV.UK error summary). Sending is safe against
 * double taps, reloads and flaky networks (useSubmission: an outbox with retries); a link may
 * preset the guide, step, commune and poster (useUrlPreset); the phone's position may suggest the
 * commune (useGeolocation). The checks and messages are src/lib/booking/form-errors.ts.
 */
export default function BookingForm({ communes, guides, platforms }: Props) {
  const [values, setValues] = useState<BookingValues>(EMPTY_VALUES);
  // The commune box's text: a name typed but not tapped is accepted when it names one commune.
  const [communeText, setCommuneText] = useState('');
  const problems = useProblems<FormFieldId>();
  const started = useRef(false);

  const set: SetValue = useCallback((key, value) => setValues((current) => ({ ...current, [key]: value })), []);
  const { fail } = problems;
  const showErrors = useCallback((next: FormErrors) => fail({ fields: next.fields, message: next.form }), [fail]);
  const onRejected = useCallback(
    (code: string, payload: HelpRequest) => showErrors(errorsOf([code], payload.on_behalf)),
    [showErrors],
  );
  const submission = useSubmission(communes, onRejected);
  const online = useOnline();
  const preset = useUrlPreset(guides, communes);
  const location = useGeolocation(communes, values.communeCode !== null, (place: LocatedPlace) =>
    setValues((current) => ({
      ...current,
      location: place.location,
      ...(place.commune ? { communeCode: place.commune.code } : {}),
    })),
  );

  // Start once the address is read: a confirmation to show again, a pending request to resume
  // (its inputs shown), or a fresh form with the link's preset.
  const { begin } = submission;
  useEffect(() => {
    if (!preset || started.current) return;
    started.current = true;
    const start = begin(preset.inUrl);
    if (start.kind === 'resume') setValues(fromPayload(start.payload));
    else if (start.kind === 'fresh') setValues({ ...EMPTY_VALUES, ...preset.values });
  }, [preset, begin]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (submission.isBusy()) return;
    const current = withTypedCommune(values, communeText, communes);
    if (current !== values) {
      setValues(current);
      setCommuneText('');
    }
    const checked = checkBooking(current, submission.key(), current === values ? communeText : '');
    if (!checked.ok) return showErrors(checked.errors);
    problems.clear();
    submission.submit(checked.payload);
  }

  function startAnother() {
    submission.startAnother();
    // A poster's commune (?xa=) stays chosen for the next request, as does its poster id.
    setValues({ ...EMPTY_VALUES, communeCode: preset?.values.communeCode ?? null, poster: preset?.values.poster ?? null });
    setCommuneText('');
    location.reset();
    window.scrollTo(0, 0);
  }

  const { phase, confirmed } = submission;
  if (phase === 'loading') return <p className="app-loading app-loading--form">{t('booking.loading')}</p>;
  if (phase === 'done' && confirmed) {
    return <Confirmation answer={confirmed.answer} communeName={confirmed.communeName} onAnother={startAnother} />;
  }

  const locked = phase === 'sending' || phase === 'waiting';
  const sectionProps = { values, errors: problems.fields, set };
  return (
    <form className="app-booking" onSubmit={onSubmit} noValidate>
      <ErrorSummary
        items={fieldErrorsInOrder(problems).map(({ field, message }) => ({ id: INPUT_IDS[field], message }))}
        message={problems.message}
        focusKey={problems.focusKey}
      />
      {phase === 'editing' && !online && <OfflineNotice />}
      {phase === 'editing' && online && submission.serverDown && <BackendDownNotice />}

      <fieldset className="app-booking__fieldset" disabled={locked}>
        <WhoSection {...sectionProps} />
        <WhereSection
          {...sectionProps}
          communes={communes}
          locked={locked}
          location={location}
          communeText={communeText}
          setCommuneText={setCommuneText}
        />
        <WhatSection {...sectionProps} guides={guides} platforms={platforms} />
        <WhenSection {...sectionProps} />
        <MessagesSection {...sectionProps} />
        <ConsentSection {...sectionProps} />
      </fieldset>

      <SendStatus
        phase={phase}
        resumed={submission.resumed}
        serverDown={submission.serverDown}
        onRetry={submission.retryNow}
      />
    </form>
  );
}
