-- Help requests: a citizen books in-person help; the request is stored, routed to a team, worked by
-- the team and closed; every step is an audit event.
--
-- Tables only: validation, rate limits, routing and the RPCs follow in their own migrations.
-- Personal data lives in one table, app.help_requests, in columns whose comment starts with
-- "PERSONAL DATA", so that erasure (personal data retention migration) clears exactly those
-- columns, found by their comment; everything else (routing, status, audit) stays for statistics.
-- The audit trail app.request_events holds no personal data at all.
--
-- Objects: app.help_requests, app.request_events.

/* One row per booking: what and where, its state and routing, the team's work, and the personal
   data needed to call the citizen (erased after the retention period). Only security definer
   functions write it. */
create table app.help_requests (
  id bigint generated always as identity primary key,
  reference_code text not null unique check (reference_code ~ '^QN-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}$'),
  idempotency_key uuid not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),

  -- What and where (not personal on their own).
  commune_code text not null references app.communes (code),
  needs text[] not null check (
    cardinality(needs) between 1 and 7
    and needs <@ array['vneid', 'vssid', 'etax', 'dichvucong', 'smart-quang-ninh', 'thanh-toan-an-toan', 'other']
  ),
  guide_code text check (guide_code ~ '^[a-z0-9]{2,8}$'),
  guide_step smallint check (guide_step between 1 and 50),
  time_window text not null check (time_window in ('any', 'morning', 'afternoon', 'evening', 'weekend')),
  source_poster text check (source_poster ~ '^[A-Za-z0-9_-]{1,40}$'),
  on_behalf boolean not null default false,
  verification_word text not null check (length(verification_word) between 2 and 30),
  consent_version text not null check (consent_version ~ '^[0-9a-z.-]{1,20}$'),
  consented_at timestamptz not null,
  message_channel text check (message_channel in ('sms', 'zalo')),
  message_consent_version text check (message_consent_version ~ '^[0-9a-z.-]{1,20}$'),

  -- State and routing.
  status text not null default 'unassigned'
    check (status in ('unassigned', 'assigned', 'accepted', 'closed', 'cancelled')),
  team_id bigint references app.teams (id),
  route_point text check (route_point in ('gps', 'commune_centre')),
  route_distance_m integer check (route_distance_m >= 0),
  route_reason text check (route_reason in ('coverage', 'radius', 'no_team_near', 'all_teams_full')),
  gps_ignored boolean not null default false,
  assigned_at timestamptz,
  accepted_at timestamptz,
  closed_at timestamptz,
  outcome text check (
    outcome in ('helped', 'not_reachable', 'citizen_cancelled', 'out_of_scope', 'partly_helped', 'not_needed')
  ),
  cancelled_at timestamptz,
  cancel_reason text check (cancel_reason in ('solved_myself', 'no_longer_needed', 'booked_by_mistake', 'other')),

  -- PERSONAL DATA: erased by the retention job (personal_data_erased_at set), never returned to anon.
  citizen_name text check (length(citizen_name) between 2 and 80),
  citizen_phone text check (citizen_phone ~ '^0([35789][0-9]{8}|2[0-9]{9})$'),
  helper_name text check (length(helper_name) between 2 and 80),
  helper_phone text check (helper_phone ~ '^0([35789][0-9]{8}|2[0-9]{9})$'),
  address text check (length(address) between 1 and 200),
  description text check (length(description) between 1 and 500),
  gps_lat numeric(6, 3) check (gps_lat between 20.6 and 21.75),
  gps_lon numeric(7, 3) check (gps_lon between 106.4 and 108.15),
  payload_hash bytea check (length(payload_hash) = 32),
  personal_data_erased_at timestamptz,

  -- The team's work, and the citizen's erasure request while a team works on it.
  accepted_by bigint references app.members (id),
  contact_attempts smallint not null default 0 check (contact_attempts between 0 and 100),
  erase_requested_at timestamptz,

  check (guide_step is null or guide_code is not null),
  check ((message_channel is null) = (message_consent_version is null)),
  check ((gps_lat is null) = (gps_lon is null)),
  -- The pool has no team; assigned and accepted requests always have one; closed and cancelled keep
  -- the team they had, if any.
  check (case status when 'unassigned' then team_id is null when 'assigned' then team_id is not null
    when 'accepted' then team_id is not null else true end),
  check ((status = 'closed') = (closed_at is not null)),
  check (outcome is null or status = 'closed'),
  check ((status = 'cancelled') = (cancelled_at is not null and cancel_reason is not null)),
  -- Until erasure: a name, and a phone to call (the helper's when booking on someone's behalf).
  check (personal_data_erased_at is not null or citizen_name is not null),
  check (personal_data_erased_at is not null or (on_behalf = (helper_phone is not null and helper_name is not null))),
  check (personal_data_erased_at is not null or on_behalf or citizen_phone is not null)
);
comment on table app.help_requests is 'Requests for in-person help booked by citizens, with their routing and state. Personal data only in the columns marked PERSONAL DATA. Written only by security definer functions.';
comment on column app.help_requests.reference_code is 'Code given to the citizen: QN- and 9 characters (about 44 random bits) from an alphabet without 0/O/1/I/L/U, in groups of three for reading aloud.';
comment on column app.help_requests.idempotency_key is 'Made once per request by the browser; a repeated submission with the same key returns the first answer and creates nothing.';
comment on column app.help_requests.commune_code is 'Commune-level unit where help is needed (required).';
comment on column app.help_requests.needs is 'Platforms the citizen needs help with (platform ids, or other).';
comment on column app.help_requests.guide_code is 'Short code of the guide the citizen came from, if any.';
comment on column app.help_requests.guide_step is 'Step of that guide where the citizen got stuck.';
comment on column app.help_requests.time_window is 'Preferred time: any, morning, afternoon, evening or weekend.';
comment on column app.help_requests.source_poster is 'Id of the QR poster the citizen scanned, for anonymous counting.';
comment on column app.help_requests.on_behalf is 'Booked by a relative or neighbour; helper_name and helper_phone are then the contact.';
comment on column app.help_requests.verification_word is 'Easy-to-say word the volunteer says when calling, so the citizen can tell a real helper from a scammer.';
comment on column app.help_requests.consent_version is 'Version of the consent text the citizen agreed to.';
comment on column app.help_requests.consented_at is 'When consent was given (the submission time).';
comment on column app.help_requests.message_channel is 'Messages the citizen agreed to on the form (sms or zalo: the code and verification word, then when a volunteer accepts and closes); null: no messages.';
comment on column app.help_requests.message_consent_version is 'Version of the consent text (with its sentence about messages) shown when the citizen chose messages; null without messages.';
comment on column app.help_requests.status is 'unassigned (province pool, "chưa phân công"), assigned (to a team), accepted (by the team), closed (with an outcome), cancelled (by the citizen).';
comment on column app.help_requests.team_id is 'Team currently responsible. Every change is an event in app.request_events. Code that assigns a request to a team must first lock that team row (select … for update) so capacity holds under concurrency.';
comment on column app.help_requests.route_point is 'Which point routing used: the citizen''s GPS point or the commune centre.';
comment on column app.help_requests.route_distance_m is 'Straight-line distance in metres from the routing point to the assigned team''s base.';
comment on column app.help_requests.route_reason is 'Why the team was chosen (coverage: it covers the commune; radius: its service radius reaches the point) or why none was (no_team_near, all_teams_full).';
comment on column app.help_requests.gps_ignored is 'A GPS point was sent but lay outside Quảng Ninh, so it was dropped and the commune centre used.';
comment on column app.help_requests.assigned_at is 'When the current team was assigned.';
comment on column app.help_requests.accepted_at is 'When the team accepted the request.';
comment on column app.help_requests.closed_at is 'When the team closed the request.';
comment on column app.help_requests.outcome is 'Result recorded by the team when closing: helped, not_reachable (after the minimum number of calls), citizen_cancelled, out_of_scope (older values: partly_helped, not_needed).';
comment on column app.help_requests.cancelled_at is 'When the citizen cancelled.';
comment on column app.help_requests.cancel_reason is 'Reason chosen by the citizen from a closed list (no free text, so no personal data).';
comment on column app.help_requests.citizen_name is 'PERSONAL DATA. Name of the person to help.';
comment on column app.help_requests.citizen_phone is 'PERSONAL DATA. Phone of the person to help, normalised 0XXXXXXXXX (optional when booked on their behalf).';
comment on column app.help_requests.helper_name is 'PERSONAL DATA. Name of the relative or neighbour who booked on the person''s behalf.';
comment on column app.help_requests.helper_phone is 'PERSONAL DATA. Phone of that relative or neighbour: the contact number.';
comment on column app.help_requests.address is 'PERSONAL DATA. Address or landmark, free text.';
comment on column app.help_requests.description is 'PERSONAL DATA (may contain any detail). What the citizen needs, free text.';
comment on column app.help_requests.gps_lat is 'PERSONAL DATA. Latitude rounded to 0.001° (about 100 m); only inside the province.';
comment on column app.help_requests.gps_lon is 'PERSONAL DATA. Longitude rounded to 0.001° (about 100 m); only inside the province.';
comment on column app.help_requests.payload_hash is 'PERSONAL DATA (a hash of it). SHA-256 of the validated booking without its idempotency key: a repeated key with another payload is refused (idempotency_conflict) instead of answering with the first request.';
comment on column app.help_requests.personal_data_erased_at is 'When the retention job erased the personal columns.';
comment on column app.help_requests.accepted_by is 'Member who accepted the request ("Tôi nhận"); they, the team''s leaders and admins see the contact details.';
comment on column app.help_requests.contact_attempts is 'Unanswered calls recorded by the team since the request was booked.';
comment on column app.help_requests.erase_requested_at is 'When the citizen asked for their personal data to be erased while a team was working on the request; it is erased as soon as the request is closed or cancelled.';
-- A team's queue and capacity counts (team_id, status); requests by commune (statistics, foreign
-- key); the province pool, oldest first; the requests a member accepted (removing a member hands
-- them back).
create index help_requests_team_id_status_idx on app.help_requests (team_id, status);
create index help_requests_commune_code_idx on app.help_requests (commune_code);
create index help_requests_unassigned_idx on app.help_requests (created_at) where status = 'unassigned';
create index help_requests_accepted_by_idx on app.help_requests (accepted_by);
-- The retention job finds closed and cancelled requests not yet erased, by the time they ended.
create index help_requests_retention_idx on app.help_requests (coalesce(closed_at, cancelled_at))
  where personal_data_erased_at is null and status in ('closed', 'cancelled');
alter table app.help_requests enable row level security;

/* The audit trail: every state change, assignment, hand-over, note and erasure, with the team and
   the acting member but never personal data. The citizen's status page shows its steps; the
   statistics and escalation read it. */
create table app.request_events (
  id bigint generated always as identity primary key,
  request_id bigint not null references app.help_requests (id),
  created_at timestamptz not null default now(),
  -- Alphabetical, as PostgreSQL prints the list back; the comment on the column explains each kind.
  kind text not null check (kind = any ('{accepted,assigned,cancelled,closed,contact_attempt,erasure_requested,escalated,handed_over,noted,personal_data_erased,received,released,unassigned}'::text[])),
  status_after text not null
    check (status_after in ('unassigned', 'assigned', 'accepted', 'closed', 'cancelled')),
  team_id bigint references app.teams (id),
  distance_m integer check (distance_m >= 0),
  reason text check (reason ~ '^[a-z_]{2,40}$'),
  actor text not null check (actor in ('citizen', 'system', 'team', 'admin')),
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object'),
  actor_member_id bigint references app.members (id)
);
comment on table app.request_events is 'Audit trail of every state change and assignment of a help request. Holds no personal data: team, distance, reason codes and counts only.';
comment on column app.request_events.kind is 'What happened: received, assigned, unassigned (to the province pool), accepted, closed, cancelled, handed_over, released, escalated (moved by the job), noted (a note was added; its text is in app.request_notes), contact_attempt (an unanswered call), erasure_requested (the citizen asked for erasure while a team works on the request), personal_data_erased (by the citizen or the retention job).';
comment on column app.request_events.status_after is 'Status of the request after this event.';
comment on column app.request_events.team_id is 'Team concerned (the assigned team, or the team that had it).';
comment on column app.request_events.distance_m is 'Distance from the routing point to the team''s base, for assignments.';
comment on column app.request_events.reason is 'Reason code (routing reason, cancel reason, outcome).';
comment on column app.request_events.actor is 'Who caused the event: citizen, system (routing), team or admin.';
comment on column app.request_events.detail is 'Non-personal facts about the decision, e.g. {"point": "gps", "candidates": 3, "full": 1}.';
comment on column app.request_events.actor_member_id is 'Member who acted (team and admin actions); null for citizens and the system.';
-- A request's history in order; the foreign keys to teams and members.
create index request_events_request_id_idx on app.request_events (request_id, created_at);
create index request_events_team_id_idx on app.request_events (team_id);
create index request_events_actor_member_id_idx on app.request_events (actor_member_id);
alter table app.request_events enable row level security;
