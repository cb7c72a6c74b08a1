import type { FormErrors, FormFieldId } from '../../lib/booking/form-errors';
import type { BookingValues } from '../../lib/booking/form-values';
import { NEED_IDS, TIME_WINDOWS, type TimeWindow } from '../../lib/schemas/help-request';

/**
 * Ids of the form's two groups of choices: the group (its fieldset, focusable, and the base of its
 * hint and error ids) and each choice's checkbox or radio, which its label points to.
 */
export const CHOICE_IDS = {
  needs: 'bk-needs',
  need: (need: string) => `bk-need-${need}`,
  timeWindows: 'bk-time',
  timeWindow: (window: TimeWindow) => `bk-time-${window}`,
};

/**
 * Id of the element each form field's error summary link goes to: the field's control, which its
 * label points to too; for a group of choices, its first choice (the group's legend labels the
 * fieldset, CHOICE_IDS).
 */
export const INPUT_IDS: Record<FormFieldId, string> = {
  phone: 'bk-phone',
  name: 'bk-name',
  personName: 'bk-person-name',
  personPhone: 'bk-person-phone',
  commune: 'bk-commune',
  address: 'bk-address',
  location: 'bk-location',
  needs: CHOICE_IDS.need(NEED_IDS[0]),
  guide: 'bk-guide-remove',
  description: 'bk-description',
  timeWindow: CHOICE_IDS.timeWindow(TIME_WINDOWS[0]),
  consent: 'bk-consent',
};

/**
 * Ids of the form's other controls, which no error message points to. The sections render them and
 * the form reads them back when the citizen typed before React ran, so both use these.
 */
export const OTHER_INPUT_IDS = {
  onBehalf: 'bk-on-behalf',
  messages: 'bk-messages',
  website: 'bk-website',
} as const;

/** Changes one input of the form. */
export type SetValue = <K extends keyof BookingValues>(key: K, value: BookingValues[K]) => void;

/** What each section of the form gets: the inputs, the messages by field, and a setter. */
export interface SectionProps {
  values: BookingValues;
  errors: FormErrors['fields'];
  set: SetValue;
}
