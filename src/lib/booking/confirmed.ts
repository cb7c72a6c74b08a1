import type { HelpRequestAnswer } from '../api/booking';
import { rememberRequest } from './my-requests';
import { writeConfirmation, writeOutbox, type ConfirmedBooking, type PendingBooking } from './outbox';

/**
 * What happens on the device once the server has stored a request, wherever it was sent from (the
 * form, or the resend on another page): the confirmation for this tab first, the code remembered
 * on the device, and the outbox emptied last, so a crash in between shows the answer and never
 * re-sends blindly (a re-send would get the same answer anyway: same idempotency key).
 */
export function storeConfirmed(pending: PendingBooking, answer: HelpRequestAnswer): ConfirmedBooking {
  const booking: ConfirmedBooking = { answer, communeName: pending.communeName };
  writeConfirmation(booking);
  rememberRequest({ code: answer.reference_code, commune: pending.communeName, at: answer.created_at });
  writeOutbox(null);
  return booking;
}
