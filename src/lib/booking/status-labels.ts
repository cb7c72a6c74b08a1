import type requests from '../i18n/vi/requests.json';
import type { RequestStatus } from '../schemas/help-request';

/** Plain words for each status of a request, as citizens see them (booking and status pages). */
export const STATUS_LABELS: Record<RequestStatus, keyof typeof requests> = {
  unassigned: 'booking.status.unassigned',
  assigned: 'booking.status.assigned',
  accepted: 'booking.status.accepted',
  closed: 'booking.status.closed',
  cancelled: 'booking.status.cancelled',
};
