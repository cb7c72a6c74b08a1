import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import './BookingForm.css';
import { t, type MessageKey } from '../lib/i18n/booking';
import { TIME_LABELS } from '../lib/booking/request-labels';
import {
  CONSENT_VERSION,
  LIMITS,
  NEED_IDS,
  TIME_WINDOWS,
  codePointLength,
  helpRequestSchema,
  isInProvince,
  type HelpRequest,
  type NeedId,
  type TimeWindow,
} from '../lib/schemas/help-request';
import { fieldOf, isRequestHelpError, isRetryable, type FormField } from '../lib/booking/errors';
import { callRpc } from '../lib/api/rpc';
import { requestHelp } from '../lib/api/booking';
import { portalStats } from '../lib/api/portal';
import { nearestCommune, type CommuneChoice } from '../lib/booking/communes';
import {
  newIdempotencyKey,
  readConfirmation,
  readOutbox,
  retryDelay,
  writeConfirmation,
  writeOutbox,
  type ConfirmedBooking,
  type PendingBooking,
} from '../lib/booking/outbox';
import BookingCommunePicker from './BookingCommunePicker';
import BookingConfirmation from './BookingConfirmation';

/** A guide the citizen may come from (`?huong-dan=<code>&buoc=<n>`). */
export interface GuideChoice {
  code: string;
  title: string;
  platform: string;
  /** Number of steps, to check `buoc`. */
  steps: number;
}

interface Props {
  communes: CommuneChoice[];
  guides: GuideChoice[];
  /** Platforms offered as needs, in display order (id and short name). */
  platforms: { id: string; name: string }[];
}

/** The inputs of the form, as the citizen sees them. */
interface Values {
  /** Submitter's phone: the citizen's, or the helper's when booking on someone's behalf. */
  phone: string;
  /** Submitter's name. */
  name: string;
  onBehalf: boolean;
  personName: string;
  personPhone: string;
  communeCode: string | null;
  address: string;
  location: { lat: number; lon: number } | null;
  needs: NeedId[];
  guideCode: string | null;
  guideStep: number | null;
  description: string;
  timeWindow: TimeWindow;
  consent: boolean;
  /** Honeypot. */
  website: string;
  poster: string | null;
}

/** Places on the form a message can point to, in the order they appear. */
const FORM_FIELDS = [
  'phone',
  'name',
  'personName',
  'personPhone',
  'commune',
  'address',
  'location',
  'needs',
  'guide',
  'description',
  'timeWindow',
  'consent',
] as const;
type FormFieldId = (typeof FORM_FIELDS)[number];

/** Id of the element each form field's error links to. */
const INPUT_IDS: Record<FormFieldId, string> = {
  phone: 'bk-phone',
  name: 'bk-name',
  personName: 'bk-person-name',
  personPhone: 'bk-person-phone',
  commune: 'bk-commune',
  address: 'bk-address',
  location: 'bk-location',
  needs: `bk-need-${NEED_IDS[0]}`,
  guide: 'bk-guide-remove',
  description: 'bk-description',
  timeWindow: `bk-time-${TIME_WINDOWS[0]}`,
  consent: 'bk-consent',
};

const EMPTY: Values = {
  phone: '',
  name: '',
  onBehalf: false,
  personName: '',
  personPhone: '',
  communeCode: null,
  address: '',
  location: null,
  needs: [],
  guideCode: null,
  guideStep: null,
  description: '',
  timeWindow: 'any',
  consent: false,
  website: '',
  poster: null,
};

/** Where a payload field's problem shows on the form (the meaning of phone/name flips on behalf). */
function formFieldOf(field: FormField, onBehalf: boolean): FormFieldId {
  switch (field) {
    case 'phone':
      return onBehalf ? 'personPhone' : 'phone';
    case 'name':
      return onBehalf ? 'personName' : 'name';
    case 'helper_phone':
      return 'phone';
    case 'helper_name':
      return 'name';
    case 'commune_code':
      return 'commune';
    case 'time_window':
      return 'timeWindow';
    case 'guide_code':
      return 'guide';
    default:
      return field;
  }
}

/** The payload the form would send (before validation). */
function toPayload(values: Values, idempotencyKey: string): Record<string, unknown> {
  const who = values.onBehalf
    ? { name: values.personName, phone: values.personPhone, helper_name: values.name, helper_phone: values.phone }
    : { name: values.name, phone: values.phone };
  return {
    idempotency_key: idempotencyKey,
    website: values.website,
    on_behalf: values.onBehalf,
    ...who,
    commune_code: values.communeCode,
    address: values.address,
    location: values.location,
    needs: values.needs,
    guide_code: values.guideCode,
    guide_step: values.guideStep,
    description: values.description,
    time_window: values.timeWindow,
    source_poster: values.poster,
    consent: values.consent,
    consent_version: CONSENT_VERSION,
  };
}

/** Form inputs back from a pending payload (after a reload with a request still in the outbox). */
function fromPayload(payload: HelpRequest): Values {
  const onBehalf = payload.on_behalf;
  return {
    ...EMPTY,
    onBehalf,
    phone: (onBehalf ? payload.helper_phone : payload.phone) ?? '',
    name: (onBehalf ? payload.helper_name : payload.name) ?? '',
    personName: onBehalf ? payload.name : '',
    personPhone: onBehalf ? (payload.phone ?? '') : '',
    communeCode: payload.commune_code,
    address: payload.address ?? '',
    location: payload.location,
    needs: payload.needs,
    guideCode: payload.guide_code,
    guideStep: payload.guide_step,
    description: payload.description ?? '',
    timeWindow: payload.time_window,
    consent: true,
    poster: payload.source_poster,
  };
}

/** The Vietnamese message for an error code (a generic one for codes the form does not know). */
function errorMessage(code: string): string {
  return t(`booking.error.${isRequestHelpError(code) ? code : 'payload_invalid'}` as MessageKey);
}

/** Resolves after `ms` with a network failure, so a hanging request is retried like a lost one. */
function timeout(ms: number) {
  return new Promise<{ ok: false; code: 'network'; message: string }>((resolve) =>
    setTimeout(() => resolve({ ok: false, code: 'network', message: 'timeout' }), ms),
  );
}

type Phase = 'loading' | 'editing' | 'sending' | 'waiting' | 'done';
type LocationState = 'idle' | 'locating' | 'got' | 'suggested' | 'outside' | 'failed';

/**
 * The booking form (/dat-lich/). Phone first; labels above fields; a message next to each field and
 * a summary of all of them at the top on submit (GOV.UK error summary). Submitting is safe against
 * double taps, reloads and flaky networks: the payload and its idempotency key wait in an outbox
 * (sessionStorage) until the server answers, and are re-sent with back-off meanwhile.
 */
export default function BookingForm({ communes, guides, platforms }: Props) {
  const [phase, setPhase] = useState<Phase>('loading');
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FormFieldId, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ field: FormFieldId; message: string }[]>([]);
  const [confirmed, setConfirmed] = useState<ConfirmedBooking | null>(null);
  const [serverDown, setServerDown] = useState(false);
  const [resumed, setResumed] = useState(false);
  const [locationState, setLocationState] = useState<LocationState>('idle');
  const [suggestedName, setSuggestedName] = useState('');
  const keyRef = useRef('');
  const pendingRef = useRef<PendingBooking | null>(null);
  const busyRef = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const guide = values.guideCode ? guides.find((g) => g.code === values.guideCode) : undefined;

  const set = useCallback(<K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);

  /** Sends the pending request once; on a temporary failure schedules the next attempt. */
  const send = useCallback(
    async (pending: PendingBooking) => {
      clearTimeout(retryTimer.current);
      pendingRef.current = pending;
      setPhase('sending');
      const result = await Promise.race([callRpc(requestHelp, { request: pending.payload }), timeout(20_000)]);
      if (pendingRef.current !== pending) return;
      if (result.ok) {
        const booking: ConfirmedBooking = {
          answer: result.data,
          communeName: communes.find((c) => c.code === pending.payload.commune_code)?.name,
        };
        // Confirmation first, outbox second: a reload in between shows the answer, never re-sends blindly.
        writeConfirmation(booking);
        writeOutbox(null);
        // Without the preset in the address, a reload shows this confirmation again.
        history.replaceState(history.state, '', window.location.pathname);
        pendingRef.current = null;
        busyRef.current = false;
        setConfirmed(booking);
        setServerDown(false);
        setPhase('done');
        return;
      }
      if (isRetryable(result.code)) {
        const next = { ...pending, attempts: pending.attempts + 1 };
        pendingRef.current = next;
        writeOutbox(next);
        // Online but failing twice: the server, not the network, is the problem.
        setServerDown(navigator.onLine !== false && next.attempts >= 2);
        setPhase('waiting');
        retryTimer.current = setTimeout(() => void send(next), retryDelay(next.attempts));
        return;
      }
      // A rejection: nothing was stored. The citizen fixes it and sends again with the same key,
      // except after a key clash, which needs a fresh key.
      writeOutbox(null);
      pendingRef.current = null;
      busyRef.current = false;
      if (result.code === 'idempotency_conflict') keyRef.current = newIdempotencyKey();
      const field = fieldOf(result.code);
      const message = errorMessage(result.code);
      if (field) {
        const formField = formFieldOf(field, pending.payload.on_behalf);
        setErrors({ [formField]: message });
        setSummary([{ field: formField, message }]);
        setFormError(null);
      } else {
        setErrors({});
        setSummary([]);
        setFormError(message);
      }
      setPhase('editing');
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
    [communes],
  );

  // Start: a pending request to resume, a confirmation to show again (after a reload), or a fresh
  // form preset from the URL (a link with ?huong-dan= or ?xa= always means a new booking).
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const presetInUrl = ['huong-dan', 'buoc', 'xa', 'p'].some((name) => params.has(name));
    const previous = readConfirmation();
    const pending = readOutbox();
    if (previous && !pending && !presetInUrl) {
      setConfirmed(previous);
      setPhase('done');
      return;
    }
    if (previous) writeConfirmation(null);
    if (pending) {
      keyRef.current = pending.payload.idempotency_key;
      busyRef.current = true;
      setValues(fromPayload(pending.payload));
      setResumed(true);
      void send(pending);
      return;
    }
    keyRef.current = newIdempotencyKey();
    const preset: Partial<Values> = {};
    const fromGuide = guides.find((g) => g.code === params.get('huong-dan'));
    if (fromGuide) {
      preset.guideCode = fromGuide.code;
      if ((NEED_IDS as readonly string[]).includes(fromGuide.platform)) preset.needs = [fromGuide.platform as NeedId];
      const step = Number(params.get('buoc'));
      if (Number.isInteger(step) && step >= 1 && step <= Math.min(fromGuide.steps, 50)) preset.guideStep = step;
    }
    const commune = communes.find((c) => c.slug === params.get('xa'));
    if (commune) preset.communeCode = commune.code;
    const poster = params.get('p');
    if (poster && /^[A-Za-z0-9_-]{1,40}$/.test(poster)) preset.poster = poster;
    setValues({ ...EMPTY, ...preset });
    setPhase('editing');
    // Tell the citizen early when the booking service cannot be reached (they may still fill in);
    // the call also fetches supabase-js ahead of the first submit.
    void callRpc(portalStats, {}).then((answer) => {
      if (!answer.ok) setServerDown(true);
    });
  }, [communes, guides, send]);

  // While waiting, coming back online retries at once.
  useEffect(() => {
    if (phase !== 'waiting') return;
    const retryNow = () => {
      if (pendingRef.current) void send(pendingRef.current);
    };
    window.addEventListener('online', retryNow);
    return () => window.removeEventListener('online', retryNow);
  }, [phase, send]);

  useEffect(() => () => clearTimeout(retryTimer.current), []);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Double taps: one request at a time, whatever the button's state says.
    if (busyRef.current) return;
    const parsed = helpRequestSchema.safeParse(toPayload(values, keyRef.current));
    if (!parsed.success) {
      const byField: Partial<Record<FormFieldId, string>> = {};
      let whole: string | null = null;
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.message);
        const message = errorMessage(issue.message);
        if (field) byField[formFieldOf(field, values.onBehalf)] ??= message;
        else whole ??= message;
      }
      setErrors(byField);
      setFormError(whole);
      setSummary(FORM_FIELDS.filter((f) => byField[f]).map((f) => ({ field: f, message: byField[f]! })));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    busyRef.current = true;
    setErrors({});
    setSummary([]);
    setFormError(null);
    const pending: PendingBooking = { payload: parsed.data, attempts: 0, queuedAt: Date.now() };
    writeOutbox(pending);
    void send(pending);
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocationState('failed');
      return;
    }
    setLocationState('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude: lat, longitude: lon } = position.coords;
        if (!isInProvince(lat, lon)) {
          set('location', null);
          setLocationState('outside');
          return;
        }
        set('location', { lat, lon });
        if (!values.communeCode) {
          const nearest = nearestCommune(communes, lat, lon);
          if (nearest) {
            set('communeCode', nearest.code);
            setSuggestedName(nearest.name);
            setLocationState('suggested');
            return;
          }
        }
        setLocationState('got');
      },
      () => setLocationState('failed'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function startAnother() {
    writeConfirmation(null);
    keyRef.current = newIdempotencyKey();
    setConfirmed(null);
    setValues(EMPTY);
    setLocationState('idle');
    setResumed(false);
    setPhase('editing');
    window.scrollTo(0, 0);
  }

  if (phase === 'loading') return <p className="app-booking__loading app-booking__loading--form">{t('booking.loading')}</p>;
  if (phase === 'done' && confirmed) {
    return <BookingConfirmation answer={confirmed.answer} communeName={confirmed.communeName} onAnother={startAnother} />;
  }

  const locked = phase === 'sending' || phase === 'waiting';
  const describedBy = (field: FormFieldId, hint?: string) =>
    [hint, errors[field] ? `${INPUT_IDS[field]}-error` : undefined].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: FormFieldId) =>
    errors[field] ? (
      <p className="app-booking__error" id={`${INPUT_IDS[field]}-error`}>
        <span className="app-visually-hidden">{t('booking.errorSummary.title')}: </span>
        {errors[field]}
      </p>
    ) : null;
  const field = (id: FormFieldId, children: ReactNode) => (
    <div className={`app-booking__field${errors[id] ? ' app-booking__field--error' : ''}`}>{children}</div>
  );
  const textInput = (
    id: FormFieldId,
    key: 'phone' | 'name' | 'personName' | 'personPhone' | 'address',
    label: string,
    options: { hint?: string; type?: string; autoComplete?: string; inputMode?: 'tel' | 'text'; maxLength?: number } = {},
  ) =>
    field(
      id,
      <>
        <label className="app-booking__label" htmlFor={INPUT_IDS[id]}>
          {label}
        </label>
        {options.hint && (
          <p className="app-booking__hint" id={`${INPUT_IDS[id]}-hint`}>
            {options.hint}
          </p>
        )}
        {fieldError(id)}
        <input
          id={INPUT_IDS[id]}
          className="app-input"
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete={options.autoComplete}
          maxLength={options.maxLength}
          value={values[key]}
          onChange={(event) => set(key, event.target.value)}
          aria-describedby={describedBy(id, options.hint ? `${INPUT_IDS[id]}-hint` : undefined)}
          aria-invalid={errors[id] ? true : undefined}
        />
      </>,
    );

  const descriptionLeft = LIMITS.description - codePointLength(values.description);

  return (
    <form className="app-booking" onSubmit={onSubmit} noValidate>
      {(summary.length > 0 || formError) && (
        <div className="app-booking__summary" ref={summaryRef} tabIndex={-1} aria-labelledby="bk-summary-title">
          {/* role="alert" sits on a child so that moving focus to the box and the announcement do
              not race (GOV.UK error summary; NVDA otherwise may read only one of them). */}
          <div role="alert">
            <h2 id="bk-summary-title">{t('booking.errorSummary.title')}</h2>
            <ul>
              {formError && <li>{formError}</li>}
              {summary.map(({ field: f, message }) => (
                <li key={f}>
                  <a
                    href={`#${INPUT_IDS[f]}`}
                    onClick={(event) => {
                      event.preventDefault();
                      const target = document.getElementById(INPUT_IDS[f]);
                      target?.scrollIntoView({ block: 'center' });
                      target?.focus();
                    }}
                  >
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}

      {serverDown && phase === 'editing' && (
        <div className="app-booking__notice" role="status">
          <p>{t('booking.backendDown.notice')}</p>
          <p>
            <a href="/huong-dan/">{t('booking.guidesLink')}</a>
          </p>
        </div>
      )}

      <fieldset className="app-booking__fieldset" disabled={locked}>
        {textInput('phone', 'phone', values.onBehalf ? t('booking.helperPhone.label') : t('booking.phone.label'), {
          hint: t('booking.phone.hint'),
          type: 'tel',
          inputMode: 'tel',
          autoComplete: 'tel',
          maxLength: 30,
        })}
        {textInput('name', 'name', values.onBehalf ? t('booking.helperName.label') : t('booking.name.label'), {
          autoComplete: 'name',
          maxLength: LIMITS.name + 20,
        })}

        <div className="app-booking__check">
          <input
            id="bk-on-behalf"
            type="checkbox"
            checked={values.onBehalf}
            onChange={(event) => set('onBehalf', event.target.checked)}
            aria-describedby="bk-on-behalf-hint"
          />
          <label htmlFor="bk-on-behalf">{t('booking.onBehalf.label')}</label>
          <p className="app-booking__hint" id="bk-on-behalf-hint">
            {t('booking.onBehalf.hint')}
          </p>
        </div>

        {values.onBehalf && (
          <fieldset className="app-booking__group">
            <legend>{t('booking.person.legend')}</legend>
            {textInput('personName', 'personName', t('booking.personName.label'), { maxLength: LIMITS.name + 20 })}
            {textInput('personPhone', 'personPhone', t('booking.personPhone.label'), {
              type: 'tel',
              inputMode: 'tel',
              maxLength: 30,
            })}
          </fieldset>
        )}

        <BookingCommunePicker
          communes={communes}
          value={values.communeCode}
          onChange={(code) => set('communeCode', code)}
          inputId={INPUT_IDS.commune}
          error={errors.commune}
          disabled={locked}
        />

        {textInput('address', 'address', `${t('booking.address.label')} ${t('booking.optional')}`, {
          hint: t('booking.address.hint'),
          autoComplete: 'street-address',
          maxLength: LIMITS.address + 20,
        })}

        {field(
          'location',
          <>
            <p className="app-booking__hint" id="bk-location-hint">
              {t('booking.location.hint')}
            </p>
            {fieldError('location')}
            <div className="app-booking__actions">
              <button
                id={INPUT_IDS.location}
                type="button"
                className="app-button app-button--secondary"
                onClick={locate}
                aria-describedby="bk-location-hint"
              >
                {t('booking.location.button')}
              </button>
              {values.location && (
                <button
                  type="button"
                  className="app-button app-button--secondary"
                  onClick={() => {
                    set('location', null);
                    setLocationState('idle');
                  }}
                >
                  {t('booking.location.remove')}
                </button>
              )}
            </div>
            <p className="app-booking__hint" role="status">
              {locationState === 'locating' && t('booking.location.locating')}
              {locationState === 'got' && t('booking.location.got')}
              {locationState === 'suggested' && t('booking.location.suggested', { name: suggestedName })}
              {locationState === 'outside' && t('booking.location.outside')}
              {locationState === 'failed' && t('booking.location.failed')}
            </p>
          </>,
        )}

        {field(
          'needs',
          <fieldset className="app-booking__group" aria-describedby={describedBy('needs', 'bk-needs-hint')}>
            <legend className="app-booking__label">{t('booking.needs.legend')}</legend>
            <p className="app-booking__hint" id="bk-needs-hint">
              {t('booking.needs.hint')}
            </p>
            {fieldError('needs')}
            {[...platforms, { id: 'other', name: t('booking.needs.other') }]
              .filter((p) => (NEED_IDS as readonly string[]).includes(p.id))
              .map((p) => (
                <div className="app-booking__check" key={p.id}>
                  <input
                    id={`bk-need-${p.id}`}
                    type="checkbox"
                    checked={values.needs.includes(p.id as NeedId)}
                    onChange={(event) =>
                      set(
                        'needs',
                        event.target.checked
                          ? [...values.needs, p.id as NeedId]
                          : values.needs.filter((n) => n !== p.id),
                      )
                    }
                  />
                  <label htmlFor={`bk-need-${p.id}`}>{p.name}</label>
                </div>
              ))}
          </fieldset>,
        )}

        {values.guideCode &&
          field(
            'guide',
            <div className="app-panel app-booking__guide">
              {fieldError('guide')}
              <p>
                {guide
                  ? t('booking.guide.label', { title: guide.title })
                  : t('booking.guide.unknown', { code: values.guideCode })}
              </p>
              {values.guideStep && <p>{t('booking.guide.step', { step: values.guideStep })}</p>}
              <button
                id={INPUT_IDS.guide}
                type="button"
                className="app-button app-button--secondary"
                onClick={() => setValues((v) => ({ ...v, guideCode: null, guideStep: null }))}
              >
                {t('booking.guide.remove')}
              </button>
            </div>,
          )}

        {field(
          'description',
          <>
            <label className="app-booking__label" htmlFor={INPUT_IDS.description}>
              {t('booking.description.label')} {t('booking.optional')}
            </label>
            <p className="app-booking__hint" id="bk-description-hint">
              {t('booking.description.hint')}
            </p>
            {fieldError('description')}
            <textarea
              id={INPUT_IDS.description}
              className="app-input app-booking__textarea"
              rows={4}
              value={values.description}
              onChange={(event) => set('description', event.target.value)}
              aria-describedby={describedBy('description', 'bk-description-hint bk-description-count')}
              aria-invalid={errors.description ? true : undefined}
            />
            <p className="app-booking__hint" id="bk-description-count" aria-live="polite">
              {descriptionLeft <= 100 ? t('booking.description.count', { left: Math.max(0, descriptionLeft) }) : ''}
            </p>
          </>,
        )}

        {field(
          'timeWindow',
          <fieldset className="app-booking__group">
            <legend className="app-booking__label">{t('booking.time.legend')}</legend>
            {fieldError('timeWindow')}
            {TIME_WINDOWS.map((window) => (
              <div className="app-booking__check" key={window}>
                <input
                  id={`bk-time-${window}`}
                  type="radio"
                  name="time_window"
                  checked={values.timeWindow === window}
                  onChange={() => set('timeWindow', window)}
                />
                <label htmlFor={`bk-time-${window}`}>{t(TIME_LABELS[window])}</label>
              </div>
            ))}
          </fieldset>,
        )}

        {field(
          'consent',
          <>
            <p className="app-booking__notice-text" id="bk-consent-notice">
              {t('booking.consent.notice')}{' '}
              <a href="/quyen-rieng-tu/">{t('booking.consent.more')}</a>
            </p>
            {fieldError('consent')}
            <div className="app-booking__check">
              <input
                id={INPUT_IDS.consent}
                type="checkbox"
                checked={values.consent}
                onChange={(event) => set('consent', event.target.checked)}
                aria-describedby={describedBy('consent', 'bk-consent-notice')}
                aria-invalid={errors.consent ? true : undefined}
              />
              <label htmlFor={INPUT_IDS.consent}>
                {values.onBehalf ? t('booking.consent.labelOnBehalf') : t('booking.consent.label')}
              </label>
            </div>
          </>,
        )}

        {/* Honeypot: hidden from people and assistive technology; bots that fill every input fill it. */}
        <div className="app-booking__hp" aria-hidden="true">
          <label htmlFor="bk-website">{t('booking.honeypot.label')}</label>
          <input
            id="bk-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.website}
            onChange={(event) => set('website', event.target.value)}
          />
        </div>
      </fieldset>

      <div className="app-booking__submit">
        <button type="submit" className="app-button" aria-disabled={locked || undefined}>
          {phase === 'sending' ? t('booking.sending') : t('booking.submit')}
        </button>
      </div>

      <div role="status" aria-live="polite" className="app-booking__progress">
        {resumed && phase === 'sending' && <p>{t('booking.resumed')}</p>}
        {phase === 'waiting' && (
          <div className="app-booking__notice">
            <p className="app-booking__waiting">
              <strong>{t('booking.waiting')}</strong>
            </p>
            <p>{serverDown ? t('booking.backendDown') : t('booking.waiting.detail')}</p>
            {serverDown && (
              <p>
                <a href="/huong-dan/">{t('booking.guidesLink')}</a>
              </p>
            )}
            <button
              type="button"
              className="app-button app-button--secondary"
              onClick={() => pendingRef.current && void send(pendingRef.current)}
            >
              {t('booking.retryNow')}
            </button>
          </div>
        )}
      </div>
    </form>
  );
}
