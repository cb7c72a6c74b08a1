import * as z from 'zod/mini';
import { PLATFORM_IDS } from '../domain/platform-ids';
import { normalizePhone } from '../domain/phone';

/**
 * A booking for in-person help, as the form sends it to `request_help(request jsonb)`.
 *
 * The database checks the same rules with the same error codes in `app.validate_help_request()`
 * (supabase/migrations/20261128000500_request_validation.sql): change both together. Every issue's
 * message is a stable error code (`phone_invalid`, `consent_required`, …) that the form maps to a
 * Vietnamese message with `src/lib/booking/errors.ts`. Two rules only the database can check:
 * that the commune exists (`commune_unknown`) and that the consent version is still accepted.
 */

/** What a citizen may need help with: one of the platforms, or something else. */
export const NEED_IDS = [...PLATFORM_IDS, 'other'] as const;
export type NeedId = (typeof NEED_IDS)[number];

/** Preferred time for the visit or call. */
export const TIME_WINDOWS = ['any', 'morning', 'afternoon', 'evening', 'weekend'] as const;
export type TimeWindow = (typeof TIME_WINDOWS)[number];

/**
 * Version of the consent text the form shows (src/lib/i18n/vi/booking.json, `booking.consent.*`).
 * When the wording changes, add a new version here and to the setting `consent.versions`.
 * 2026-11-29: the sentence about messages by SMS or Zalo (message_channel) was added.
 */
export const CONSENT_VERSION = '2026-11-29';

/** Channels a citizen may choose for messages about their request (SMS or Zalo ZNS). */
export const MESSAGE_CHANNELS = ['sms', 'zalo'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Rough bounding box of Quảng Ninh; GPS points outside it are ignored (with a note). */
export const PROVINCE_BOUNDS = { minLat: 20.6, maxLat: 21.75, minLon: 106.4, maxLon: 108.15 } as const;

/** Longest accepted texts, in characters (Unicode code points, as PostgreSQL counts them). */
export const LIMITS = { name: 80, address: 200, description: 500 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Control characters, invisible format characters (bidi overrides, zero-width space) and markup. */
const FORBIDDEN_IN_NAME =
  /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<>"\\{}[\]|^~=*$#@%;]/;
const ONLY_DIGITS_AND_PUNCTUATION = /^[0-9 .,'()/&+!?:-]*$/;
/**
 * A letter of the scripts a name here is written in (Latin with Vietnamese, Greek, Cyrillic, Arabic,
 * Thai, Lao, Khmer, CJK, kana, Hangul), spelled as ranges, not \p{L}, so that app.is_valid_name
 * uses the very same class (PostgreSQL's [[:alpha:]] depends on the server's locale: on C.UTF-8
 * it counts Arabic-Indic digits as letters). Digits of every script, emoji and symbols are outside.
 */
const LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0386-\u03FF\u0400-\u04FF\u0620-\u064A\u0E01-\u0E30\u0E81-\u0EB0\u1780-\u17B3\u1E00-\u1EFF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3]/;
const FORBIDDEN_IN_ADDRESS = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff<>]/;
/** As for names, but line feeds are allowed and markup characters are just text. */
const FORBIDDEN_IN_DESCRIPTION = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Length in Unicode code points (an emoji counts as one, as in PostgreSQL). */
export function codePointLength(text: string): number {
  return [...text].length;
}

/** One line as typed: no-break spaces become spaces, runs of spaces one, ends trimmed. */
export function cleanLine(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** Several lines as typed: LF line ends, no-break spaces become spaces, ends trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\r/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/^[ \n]+|[ \n]+$/g, '');
}

/** A cleaned name: 2–80 characters, no control/markup characters, not only digits and punctuation, at least one letter. */
export function isValidName(cleaned: string): boolean {
  const length = codePointLength(cleaned);
  return (
    length >= 2 &&
    length <= LIMITS.name &&
    !FORBIDDEN_IN_NAME.test(cleaned) &&
    !ONLY_DIGITS_AND_PUNCTUATION.test(cleaned) &&
    LETTER.test(cleaned)
  );
}

/** Whether a point lies in the province's bounding box. */
export function isInProvince(lat: number, lon: number): boolean {
  return (
    lat >= PROVINCE_BOUNDS.minLat && lat <= PROVINCE_BOUNDS.maxLat &&
    lon >= PROVINCE_BOUNDS.minLon && lon <= PROVINCE_BOUNDS.maxLon
  );
}

/** Rounds a coordinate to 0.001° (about 100 m) before it leaves the device. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1000) / 1000;
}

// zod/mini (the tree-shakable form of zod) keeps the booking page's JavaScript small: `.transform()`
// is written `z.pipe(schema, z.transform(fn))` and `.refine()` is `.check(z.refine(fn))`.

/** A JSON string, or nothing (absent or null); anything else gets the given code. */
const optionalString = (code: string) => z.nullish(z.string({ error: code }));
/** `schema`, then `fn` on its output. */
const then = <In extends z.ZodMiniType, Out>(schema: In, fn: (value: z.output<In>) => Out) =>
  z.pipe(schema, z.transform(fn));
// Two zod details shape the fields below. The checks of an optional field whose key is absent run
// only after a transform (transforms run for absent keys too), so "required" checks follow one.
// And some built-in checks (.int(), an array's .max()) stop the object-level rules from running,
// so such limits are written as refinements to report every problem at once.

/** A person's name: required, cleaned, then checked. */
const nameField = (required: string, invalid: string) =>
  then(optionalString(invalid), (value) => cleanLine(value ?? '')).check(
    z.superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: required });
      else if (!isValidName(value)) ctx.addIssue({ code: 'custom', message: invalid });
    }),
  );

/** Reads an optional line of unknown type: '' when absent, `{ invalid }` when not a string. */
function optionalLine(value: unknown): string | { invalid: true } {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return { invalid: true };
  return cleanLine(value);
}

/** A coordinate between -limit and limit. */
const coordinate = (limit: number) =>
  z.number({ error: 'location_invalid' }).check(z.gte(-limit, { error: 'location_invalid' }), z.lte(limit, { error: 'location_invalid' }));

const helpRequestObject = z.object(
  {
    /** Made once per request by the browser (crypto.randomUUID); repeats return the first answer. */
    idempotency_key: then(
      z.string({ error: 'idempotency_key_invalid' }).check(z.regex(UUID, { error: 'idempotency_key_invalid' })),
      (key) => key.toLowerCase(),
    ),
    /** Honeypot: an input people never see; must stay empty. */
    website: z
      .optional(z.unknown())
      .check(z.refine((v) => v === undefined || v === null || v === '', { error: 'honeypot' })),
    /** Booked by a relative or neighbour ("Tôi đặt hộ người thân/hàng xóm"). */
    on_behalf: then(z.nullish(z.boolean({ error: 'on_behalf_invalid' })), (v) => v ?? false),
    /** Phone of the person to help; required unless booked on their behalf. Normalised. */
    phone: then(optionalString('phone_invalid'), (value) => cleanLine(value ?? '')),
    /** Name of the person to help. */
    name: nameField('name_required', 'name_invalid'),
    /** When on_behalf: the helper's own phone (the contact). Checked below. */
    helper_phone: z.optional(z.unknown()),
    /** When on_behalf: the helper's own name. Checked below. */
    helper_name: z.optional(z.unknown()),
    /** Official 5-digit code of the commune-level unit where help is needed. */
    commune_code: then(optionalString('commune_unknown'), (value) => value ?? '').check(
      z.superRefine((value, ctx) => {
        if (value === '') ctx.addIssue({ code: 'custom', message: 'commune_required' });
        else if (!/^[0-9]{5}$/.test(value)) ctx.addIssue({ code: 'custom', message: 'commune_unknown' });
      }),
    ),
    /** Address or landmark ("gần chợ Hạ Long 1"), optional. */
    address: then(optionalString('address_invalid'), (value) => cleanLine(value ?? '') || null).check(
      z.refine(
        (value) => value === null || (codePointLength(value) <= LIMITS.address && !FORBIDDEN_IN_ADDRESS.test(value)),
        { error: 'address_invalid' },
      ),
    ),
    /** GPS point from "Dùng vị trí của tôi", optional; outside the province it is ignored. */
    location: then(
      z.nullish(z.object({ lat: coordinate(90), lon: coordinate(180) }, { error: 'location_invalid' })),
      (point) => (point ? { lat: roundCoordinate(point.lat), lon: roundCoordinate(point.lon) } : null),
    ),
    /** What the citizen needs help with: one or more of NEED_IDS (duplicates dropped). */
    needs: then(
      then(z.nullish(z.array(z.enum(NEED_IDS, { error: 'needs_invalid' }), { error: 'needs_invalid' })), (needs) => needs ?? []).check(
        z.refine((needs) => needs.length <= 10, { error: 'needs_invalid' }),
      ),
      (needs) => [...new Set(needs)],
    ).check(z.refine((needs) => needs.length > 0, { error: 'needs_required' })),
    /** Short code of the guide the citizen came from (`?huong-dan=`), optional. */
    guide_code: then(optionalString('guide_invalid'), (code) => code || null).check(
      z.refine((code) => code === null || /^[a-z0-9]{2,8}$/.test(code), { error: 'guide_invalid' }),
    ),
    /** Step of that guide where the citizen got stuck (`?buoc=`), optional; needs guide_code. */
    guide_step: then(z.nullish(z.number({ error: 'step_invalid' })), (step) => step ?? null).check(
      z.refine((step) => step === null || (Number.isInteger(step) && step >= 1 && step <= 50), { error: 'step_invalid' }),
    ),
    /** What the citizen needs, in their words; optional, up to 500 characters. */
    description: then(optionalString('description_invalid'), (text) => cleanText(text ?? '') || null).check(
      z.refine(
        (text) => text === null || (codePointLength(text) <= LIMITS.description && !FORBIDDEN_IN_DESCRIPTION.test(text)),
        { error: 'description_invalid' },
      ),
    ),
    /** Preferred time window. */
    time_window: then(z.nullish(z.enum(TIME_WINDOWS, { error: 'time_window_invalid' })), (value) => value ?? null).check(
      z.superRefine((value, ctx) => {
        if (value == null) ctx.addIssue({ code: 'custom', message: 'time_window_required' });
      }),
    ),
    /** Id of the QR poster the citizen scanned (`?p=`), optional, for anonymous counting. */
    source_poster: then(optionalString('poster_invalid'), (id) => id || null).check(
      z.refine((id) => id === null || /^[A-Za-z0-9_-]{1,40}$/.test(id), { error: 'poster_invalid' }),
    ),
    /** The citizen ticked the consent box (never pre-ticked). */
    consent: z.literal(true, { error: 'consent_required' }),
    /** Version of the consent text shown. */
    consent_version: z.literal(CONSENT_VERSION, { error: 'consent_version_invalid' }),
    /**
     * Messages about the request (the code and verification word, then when a volunteer accepts and
     * closes it) by SMS or Zalo, when the citizen ticked the box (default off); absent or null: none.
     * Stored with the consent version.
     */
    message_channel: then(z.nullish(z.enum(MESSAGE_CHANNELS, { error: 'message_channel_invalid' })), (v) => v ?? null),
  },
  { error: 'payload_invalid' },
);

/**
 * The booking schema: field rules above, then the rules that read two fields (phone required
 * unless booked on someone's behalf; the helper's name and phone then; a step needs a guide).
 * The output is what the form sends: clean, normalised values.
 */
export const helpRequestSchema = then(
  helpRequestObject.check(
    z.superRefine(
      (v, ctx) => {
        // Runs even when other fields failed (`when` below), so every problem is reported at once;
        // the values of failed fields are then raw input, hence the type checks.
        if (typeof v !== 'object' || v === null) return;
        const onBehalf = v.on_behalf === true;
        if (typeof v.phone === 'string') {
          if (v.phone === '') {
            if (!onBehalf) ctx.addIssue({ code: 'custom', message: 'phone_required', path: ['phone'] });
          } else if (normalizePhone(v.phone) === null) {
            ctx.addIssue({ code: 'custom', message: 'phone_invalid', path: ['phone'] });
          }
        }
        if (onBehalf) {
          const helperPhone = optionalLine(v.helper_phone);
          if (typeof helperPhone !== 'string' || (helperPhone !== '' && normalizePhone(helperPhone) === null)) {
            ctx.addIssue({ code: 'custom', message: 'helper_phone_invalid', path: ['helper_phone'] });
          } else if (helperPhone === '') {
            ctx.addIssue({ code: 'custom', message: 'helper_phone_required', path: ['helper_phone'] });
          }
          const helperName = optionalLine(v.helper_name);
          if (typeof helperName !== 'string') {
            ctx.addIssue({ code: 'custom', message: 'helper_name_invalid', path: ['helper_name'] });
          } else if (helperName === '') {
            ctx.addIssue({ code: 'custom', message: 'helper_name_required', path: ['helper_name'] });
          } else if (!isValidName(helperName)) {
            ctx.addIssue({ code: 'custom', message: 'helper_name_invalid', path: ['helper_name'] });
          }
        }
        if (typeof v.guide_step === 'number' && !v.guide_code) {
          ctx.addIssue({ code: 'custom', message: 'step_invalid', path: ['guide_step'] });
        }
      },
      { when: () => true },
    ),
  ),
  (v) => ({
    idempotency_key: v.idempotency_key,
    on_behalf: v.on_behalf,
    name: v.name,
    phone: v.phone === '' ? null : normalizePhone(v.phone),
    helper_name: v.on_behalf ? cleanLine(v.helper_name as string) : null,
    helper_phone: v.on_behalf ? normalizePhone(v.helper_phone as string) : null,
    commune_code: v.commune_code as string,
    address: v.address,
    location: v.location,
    needs: v.needs,
    guide_code: v.guide_code,
    guide_step: v.guide_step,
    description: v.description,
    time_window: v.time_window as TimeWindow,
    source_poster: v.source_poster,
    consent: true as const,
    consent_version: v.consent_version,
    ...(v.message_channel ? { message_channel: v.message_channel } : {}),
  }),
);

/** What is sent to request_help: clean and normalised. */
export type HelpRequest = z.output<typeof helpRequestSchema>;
