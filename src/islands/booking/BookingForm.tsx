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
import { NEED_IDS, TIME_WINDOWS, type HelpRequest } from '../../lib/schemas/help-request';
import ErrorSummary from '../shared/ErrorSummary';
import { ticked, typedText, useEarlySend, useHydrated } from '../shared/early-send';
import { useProblems } from '../shared/useProblems';
import Confirmation from './Confirmation';
import ConsentSection from './ConsentSection';
import MessagesSection from './MessagesSection';
import { CHOICE_IDS, INPUT_IDS, OTHER_INPUT_IDS, type SetValue } from './fields';
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
  // The server-rendered form may be filled in, and even sent, before React runs (EarlySend.astro):
  // what was typed comes into the state on mount; a held send goes once the form has started.
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  const early = useRef<{ typed: Partial<BookingValues>; communeText: string; sent: boolean }>({
    typed: {},
    communeText: '',
    sent: false,
  });
  useEarlySend(formRef, (form, { sent }) => {
    const typed = typedBeforeHydration(form);
    const text = typedText(form, INPUT_IDS.commune);
    early.current = { typed, communeText: text, sent };
    setValues((current) => ({ ...current, ...typed }));
    setCommuneText(text);
  });

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
    // A form typed into before React ran is a new booking, as is one preset by the link.
    const { typed, communeText: typedCommune, sent } = early.current;
    const start = begin(preset.inUrl || sent || Object.keys(typed).length > 0 || typedCommune !== '');
    if (start.kind === 'resume') setValues(fromPayload(start.payload));
    else if (start.kind === 'fresh') {
      const fresh = { ...EMPTY_VALUES, ...preset.values, ...typed };
      setValues(fresh);
      if (sent) send(fresh, typedCommune);
    }
  }, [preset, begin]);

  /** Checks the inputs and sends them (the one path for a submit, early or not). */
  function send(current: BookingValues, typedCommune: string) {
    if (submission.isBusy()) return;
    const withCommune = withTypedCommune(current, typedCommune, communes);
    if (withCommune !== current) {
      setValues(withCommune);
      setCommuneText('');
    }
    const checked = checkBooking(withCommune, submission.key(), withCommune === current ? typedCommune : '');
    if (!checked.ok) return showErrors(checked.errors);
    problems.clear();
    submission.submit(checked.payload);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Sent in the moment between hydration and the start: the start sends it.
    if (!started.current) early.current.sent = true;
    else send(values, communeText);
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
  if (phase === 'done' && confirmed) {
    return <Confirmation answer={confirmed.answer} communeName={confirmed.communeName} onAnother={startAnother} />;
  }

  const locked = phase === 'sending' || phase === 'waiting';
  const sectionProps = { values, errors: problems.fields, set };
  return (
    <form id="bk-form" ref={formRef} data-hydrated={hydrated ? '' : undefined} className="app-booking" onSubmit={onSubmit} noValidate>
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

/**
 * The inputs the citizen changed in the server-rendered form before React ran (the form starts
 * empty: EMPTY_VALUES), so that a link's preset is kept where they did not touch it. The commune
 * box's text is read apart (the form accepts a name typed but not tapped).
 */
function typedBeforeHydration(form: HTMLFormElement): Partial<BookingValues> {
  const all: BookingValues = {
    ...EMPTY_VALUES,
    phone: typedText(form, INPUT_IDS.phone),
    name: typedText(form, INPUT_IDS.name),
    onBehalf: ticked(form, OTHER_INPUT_IDS.onBehalf),
    address: typedText(form, INPUT_IDS.address),
    needs: NEED_IDS.filter((need) => ticked(form, CHOICE_IDS.need(need))),
    description: typedText(form, INPUT_IDS.description),
    timeWindow: TIME_WINDOWS.find((window) => ticked(form, CHOICE_IDS.timeWindow(window))) ?? EMPTY_VALUES.timeWindow,
    messages: ticked(form, OTHER_INPUT_IDS.messages),
    consent: ticked(form, INPUT_IDS.consent),
    website: typedText(form, OTHER_INPUT_IDS.website),
  };
  const changed: Partial<BookingValues> = {};
  for (const key of Object.keys(all) as (keyof BookingValues)[]) {
    const value = all[key];
    const before = EMPTY_VALUES[key];
    if (Array.isArray(value) ? value.length > 0 : value !== before) Object.assign(changed, { [key]: value });
  }
  return changed;
}
