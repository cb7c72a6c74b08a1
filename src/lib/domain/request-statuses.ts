/** Statuses of a help request (SQL identifiers, `app.help_requests.status`); pages show them in plain Vietnamese. */
export const REQUEST_STATUSES = ['unassigned', 'assigned', 'accepted', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
