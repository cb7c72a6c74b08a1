import type requests from '../i18n/vi/requests.json';
import type { RequestStatus } from '../domain/request-statuses';
import type { TimeWindow } from '../schemas/help-request';

/** Keys of the strings citizens and teams both see (src/lib/i18n/vi/requests.json). */
type RequestMessageKey = keyof typeof requests;

/** Plain words for each status of a request, as citizens see them (booking and status pages). */
export const STATUS_LABELS: Record<RequestStatus, RequestMessageKey> = {
  unassigned: 'booking.status.unassigned',
  assigned: 'booking.status.assigned',
  accepted: 'booking.status.accepted',
  closed: 'booking.status.closed',
  cancelled: 'booking.status.cancelled',
};

/** The preferred time for the visit, as the booking form offers it and the team reads it. */
export const TIME_LABELS: Record<TimeWindow, RequestMessageKey> = {
  any: 'booking.time.any',
  morning: 'booking.time.morning',
  afternoon: 'booking.time.afternoon',
  evening: 'booking.time.evening',
  weekend: 'booking.time.weekend',
};
