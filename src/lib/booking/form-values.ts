/**
 * The booking form's inputs (/dat-lich/) and the payload of request_help they become. Pure: the
 * island (src/islands/booking/) keeps the values in state and sends what toPayload() makes, once
 * helpRequestSchema has checked it (form-errors.ts, checkBooking()).
 */
import { CONSENT_VERSION, type HelpRequest, type MessageChannel, type NeedId, type TimeWindow } from '../schemas/help-request';

/** The inputs of the form, as the citizen sees them. */
export interface BookingValues {
  /** Submitter's phone: the citizen's, or the helper's when booking on someone's behalf. */
  phone: string;
  /** Submitter's name. */
  name: string;
  onBehalf: boolean;
  /** The person who needs help, when booking on their behalf. */
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
  /** The citizen asked for messages about the request (default off). */
  messages: boolean;
  /** How: SMS or Zalo (used only with `messages`). */
  messageChannel: MessageChannel;
  /** Honeypot (a hidden input only bots fill in). */
  website: string;
  /** The poster the citizen scanned (`?p=`), for the statistics. */
  poster: string | null;
}

/** A fresh form: nothing filled in, any time, consent never pre-ticked. */
export const EMPTY_VALUES: Readonly<BookingValues> = Object.freeze({
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
  messages: false,
  messageChannel: 'sms',
  website: '',
  poster: null,
});

/**
 * The payload the form would send (before validation). On someone's behalf, `name`/`phone` are the
 * person who needs help and `helper_name`/`helper_phone` the submitter, who is the contact.
 */
export function toPayload(values: BookingValues, idempotencyKey: string): Record<string, unknown> {
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
    message_channel: values.messages ? values.messageChannel : null,
  };
}

/** The inputs back from a pending payload (after a reload with a request still in the outbox). */
export function fromPayload(payload: HelpRequest): BookingValues {
  const onBehalf = payload.on_behalf;
  return {
    ...EMPTY_VALUES,
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
    messages: !!payload.message_channel,
    messageChannel: payload.message_channel ?? 'sms',
    poster: payload.source_poster,
  };
}
