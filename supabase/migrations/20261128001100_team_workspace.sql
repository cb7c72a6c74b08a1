-- Team workspace: what a signed-in member does with the requests routed to their team.
--
--   team_queue(team_id, pool, page_size)           the team's open requests, oldest first, with true
--                                                  counts (admins: any team, or the province pool)
--   team_request(request_id)                       one request: details, notes, history, actions
--   accept_request(request_id)                     "Tôi nhận": assigned → accepted (by the caller)
--   add_request_note(request_id, note)             a note in the request's history
--   record_contact_attempt(request_id, note)       a call that nobody answered
--   close_request(request_id, outcome, note)       accepted → closed with an outcome
--   release_request(request_id, note)              accepted → assigned, back to the team's queue
--   handover_suggestions(request_id)               nearest other active teams
--   hand_over_request(request_id, to_team_id, reason, note)  to another team (or from the pool)
--   (members: team_session, team_list, team_members, add_team_member, remove_team_member are in the
--   members migration)
--
-- Every one is security definer (authenticated has no privileges on schema app), POST only, starts
-- with app.require_member(), locks the request row before changing it, checks the caller's role and
-- the request's state, and writes an audit event (app.request_events, with the acting member).
-- Refusals are stable codes: not_member, not_found (no such request, or not the caller's team: the
-- same answer, so ids cannot be probed), request_closed, state_invalid, already_accepted, not_yours,
-- forbidden, note_invalid, outcome_invalid, reason_invalid, team_invalid, team_full,
-- attempts_too_few, payload_invalid.
--
-- Personal data: the citizen's name, phones, address, description, GPS point, the verification word
-- and the notes are returned only to whoever must call: the member who accepted the request, the
-- team's leaders and admins, while it is accepted (admins also while it waits in the province
-- pool). Everyone else on the team sees commune, needs, guide step, age and deadline.
--
-- Objects: app.request_notes with app.erase_request_notes() (trigger help_requests_erase_notes);
--          app.accept_within(), app.request_point(), app.can_view_request(),
--          app.can_manage_request(), app.can_see_contact(), app.request_actions(), app.clean_note(),
--          app.lock_request(), app.record_team_event(), app.add_note(), app.member_label(),
--          app.team_request_summary(),
--          app.team_request_detail(), app.require_manageable(); the public RPCs above.

/* Notes the team writes on a request: free text about the citizen, so personal data, shown only
   with the contact details and erased with them. */
create table app.request_notes (
  id bigint generated always as identity primary key,
  request_id bigint not null references app.help_requests (id) on delete cascade,
  member_id bigint not null references app.members (id),
  created_at timestamptz not null default now(),
  kind text not null default 'note' check (kind in ('note', 'contact_attempt', 'close', 'release', 'handover')),
  body text not null check (char_length(body) between 1 and 1000)
);
comment on table app.request_notes is 'Notes the team writes on a request. PERSONAL DATA (free text about the citizen): shown only with the contact details, deleted when the request''s personal data is erased.';
comment on column app.request_notes.request_id is 'The request the note is about.';
comment on column app.request_notes.member_id is 'Member who wrote it.';
comment on column app.request_notes.created_at is 'When it was written.';
comment on column app.request_notes.kind is 'What the note came with: a plain note, an unanswered call, closing, releasing, handing over.';
comment on column app.request_notes.body is 'PERSONAL DATA. The note, up to 1000 characters.';
-- A request's notes in order (and their erasure); the foreign key to the author.
create index request_notes_request_id_idx on app.request_notes (request_id, created_at);
create index request_notes_member_id_idx on app.request_notes (member_id);
alter table app.request_notes enable row level security;

/* Erasing a request's personal data (citizen's withdrawal in cancel_request, request_data_erasure,
   or the retention job) erases its notes too, whoever does it. */
create function app.erase_request_notes()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
begin
  delete from app.request_notes n where n.request_id = new.id;
  return new;
end
$$;
comment on function app.erase_request_notes() is 'Trigger: deletes a request''s notes when its personal data is erased.';
-- Fires once, when personal_data_erased_at is first set.
create trigger help_requests_erase_notes
  after update of personal_data_erased_at on app.help_requests
  for each row when (old.personal_data_erased_at is null and new.personal_data_erased_at is not null)
  execute function app.erase_request_notes();

-- ---------------------------------------------------------------------------------------------
-- Rules

/* How long a team has to accept an assigned request. */
create function app.accept_within()
returns interval
language sql stable
set search_path = ''
as $$
  select make_interval(mins => greatest(coalesce((app.setting('escalation.accept_within_minutes') #>> '{}')::integer, 360), 1))
$$;
comment on function app.accept_within() is 'Time a team has to accept an assigned request (setting escalation.accept_within_minutes).';

/* The point a request is served at: its GPS point, else its commune's centre (as routing uses). */
create function app.request_point(request_id bigint)
returns extensions.cube
language sql stable
set search_path = ''
as $$
  select case when h.gps_lat is not null then app.earth_point(h.gps_lat::double precision, h.gps_lon::double precision)
              else c.position end
  from app.help_requests h join app.communes c on c.code = h.commune_code
  where h.id = request_point.request_id
$$;
comment on function app.request_point(bigint) is 'Point of a request for distances: GPS if given, else the commune centre.';

/* A member sees a request of their own team; an admin sees every request. */
create function app.can_view_request(h app.help_requests, me app.members)
returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(me.role = 'admin' or h.team_id = me.team_id, false)
$$;
comment on function app.can_view_request(app.help_requests, app.members) is 'Whether a member may see a request (own team; admins: all).';

/* Who may work an accepted request: the member who accepted it, the team's leaders, admins. */
create function app.can_manage_request(h app.help_requests, me app.members)
returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(me.role = 'admin' or (h.team_id = me.team_id and (h.accepted_by = me.id or me.role = 'leader')), false)
$$;
comment on function app.can_manage_request(app.help_requests, app.members) is 'Whether a member may close, release or hand over an accepted request (who accepted it, leaders of its team, admins).';

/* Contact details (and notes, and the verification word) go only to whoever must call. */
create function app.can_see_contact(h app.help_requests, me app.members)
returns boolean
language sql stable
set search_path = ''
as $$
  select h.personal_data_erased_at is null and (
    (h.status = 'accepted' and app.can_manage_request(h, me))
    or (h.status = 'unassigned' and coalesce(me.role = 'admin', false))
  )
$$;
comment on function app.can_see_contact(app.help_requests, app.members) is 'Whether a member sees the citizen''s contact details: an accepted request they manage, or (admins) one in the province pool.';

/* The actions the workspace offers this member on this request (the RPCs check the same rules). */
create function app.request_actions(h app.help_requests, me app.members)
returns text[]
language sql stable
set search_path = ''
as $$
  select case
    when not app.can_view_request(h, me) then '{}'::text[]
    when h.status = 'assigned' then array['accept', 'note', 'hand_over']
    when h.status = 'accepted' and app.can_manage_request(h, me) then array['note', 'contact_attempt', 'close', 'release', 'hand_over']
    when h.status = 'accepted' then array['note']
    when h.status = 'unassigned' and me.role = 'admin' then array['note', 'hand_over']
    else '{}'::text[]
  end
$$;
comment on function app.request_actions(app.help_requests, app.members) is 'Actions a member may take on a request now: accept, note, contact_attempt, close, release, hand_over.';

/* A note as typed: cleaned like the booking description; null when empty; note_invalid when too
   long or with control or invisible characters. */
create function app.clean_note(raw text)
returns text
language plpgsql stable
set search_path = ''
as $$
declare
  note text := nullif(app.clean_text(raw), '');
begin
  if note is not null and (
    char_length(note) > 1000
    or note ~ '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'
  ) then
    perform app.raise_code('note_invalid');
  end if;
  return note;
end
$$;
comment on function app.clean_note(text) is 'Cleans a team note (multi-line, up to 1000 characters); raises note_invalid.';

/* Locks a request for an action: not_found unless the member may see it, request_closed once it
   is closed or cancelled (nobody acts on those). */
create function app.lock_request(request_id bigint, me app.members)
returns app.help_requests
language plpgsql volatile
set search_path = ''
as $$
declare
  h app.help_requests;
begin
  select x.* into h from app.help_requests x where x.id = lock_request.request_id for update;
  if h.id is null or not app.can_view_request(h, me) then
    perform app.raise_code('not_found');
  end if;
  if h.status in ('closed', 'cancelled') then
    perform app.raise_code('request_closed');
  end if;
  return h;
end
$$;
comment on function app.lock_request(bigint, app.members) is 'Locks a request the member may act on; raises not_found or request_closed.';

/* One audit event of a team or admin action. */
create function app.record_team_event(
  request_id bigint, kind text, status_after text, team_id bigint, me app.members,
  reason text default null, distance_m integer default null, detail jsonb default '{}'::jsonb
)
returns void
language sql volatile
set search_path = ''
as $$
  insert into app.request_events (request_id, kind, status_after, team_id, distance_m, reason, actor, actor_member_id, detail)
  values (record_team_event.request_id, record_team_event.kind, record_team_event.status_after,
    record_team_event.team_id, record_team_event.distance_m, record_team_event.reason,
    case when me.role = 'admin' then 'admin' else 'team' end, me.id, record_team_event.detail)
$$;
comment on function app.record_team_event(bigint, text, text, bigint, app.members, text, integer, jsonb) is 'Writes the audit event of a team or admin action, with the acting member.';

/* Adds a note (already cleaned) when there is one. */
create function app.add_note(request_id bigint, me app.members, kind text, body text)
returns void
language sql volatile
set search_path = ''
as $$
  insert into app.request_notes (request_id, member_id, kind, body)
  select add_note.request_id, me.id, add_note.kind, add_note.body
  where add_note.body is not null
$$;
comment on function app.add_note(bigint, app.members, text, text) is 'Stores a note on a request when body is not null.';

-- ---------------------------------------------------------------------------------------------
-- What the workspace shows

/* How a member who accepted, wrote a note or acted on a request is named to the viewer. Their own
   team and admins see the name, else the email (as in the members list). Anyone else (the team a
   request was handed over to) sees the name, else only the team's name: emails of other teams'
   volunteers were shown after a hand-over. Admins on no team are staff and keep name or email. */
create function app.member_label(m app.members, me app.members)
returns text
language sql stable
set search_path = ''
as $$
  select case
    when m.id is null then null
    when me.role = 'admin' or m.team_id is null or m.team_id = me.team_id then coalesce(m.name, m.email)
    else coalesce(m.name, (select t.name from app.teams t where t.id = m.team_id))
  end
$$;
comment on function app.member_label(app.members, app.members) is 'A member as the viewer may see them: name or email within the team and for admins; name or team name for other teams.';

/* A request in the queue: no personal data. It says whether the citizen has asked for erasure
   (erase_requested): a volunteer scanning the queue should see that before opening the request, to
   finish those first (the data goes when the request is closed or cancelled). */
create function app.team_request_summary(h app.help_requests, me app.members)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', h.id,
    'reference_code', h.reference_code,
    'status', h.status,
    'created_at', h.created_at,
    'assigned_at', h.assigned_at,
    'accept_by', case when h.status = 'assigned' then h.assigned_at + app.accept_within() end,
    'accepted_at', h.accepted_at,
    'closed_at', h.closed_at,
    'cancelled_at', h.cancelled_at,
    'outcome', h.outcome,
    'commune', jsonb_build_object('code', c.code, 'name', c.name),
    'team', case when t.id is null then null else jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) end,
    'needs', to_jsonb(h.needs),
    'guide_code', h.guide_code,
    'guide_step', h.guide_step,
    'time_window', h.time_window,
    'on_behalf', h.on_behalf,
    'contact_attempts', h.contact_attempts,
    'moves', (select count(*) from app.request_events e where e.request_id = h.id and e.kind = 'escalated'),
    'notes_count', (select count(*) from app.request_notes n where n.request_id = h.id),
    'erase_requested', h.erase_requested_at is not null and h.personal_data_erased_at is null,
    'accepted_by', case when a.id is null then null
                        else jsonb_build_object('name', app.member_label(a, me), 'me', a.id = me.id) end
  )
  from app.communes c
  left join app.teams t on t.id = h.team_id
  left join app.members a on a.id = h.accepted_by
  where c.code = h.commune_code
$$;
comment on function app.team_request_summary(app.help_requests, app.members) is 'A request as the queue shows it: commune, needs, guide step, times, deadline, who accepted, whether the citizen asked for erasure. No personal data.';

/* One request with everything the member may see: the summary, the contact details and notes when
   app.can_see_contact(), the history of events (no personal data), the actions allowed now, and
   two flags that are not personal data: erase_requested (the citizen asked for erasure while a
   team works on the request: request_data_erasure flags it and a trigger erases the data the
   moment the request is closed or cancelled, so the volunteer should finish it and not keep the
   citizen's details anywhere else) and personal_data_erased (done, by the citizen or the retention
   job). Anyone who may not see the request gets not_found (app.can_view_request). */
create function app.team_request_detail(request_id bigint, me app.members)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  h app.help_requests;
  contact boolean;
begin
  select x.* into h from app.help_requests x where x.id = team_request_detail.request_id;
  if h.id is null or not app.can_view_request(h, me) then
    perform app.raise_code('not_found');
  end if;
  contact := app.can_see_contact(h, me);
  return app.team_request_summary(h, me) || jsonb_build_object(
    'erase_requested', h.erase_requested_at is not null and h.personal_data_erased_at is null,
    'personal_data_erased', h.personal_data_erased_at is not null,
    'contact', case when contact then jsonb_build_object(
      'name', h.citizen_name,
      'phone', h.citizen_phone,
      'helper_name', h.helper_name,
      'helper_phone', h.helper_phone,
      'address', h.address,
      'description', h.description,
      'gps', case when h.gps_lat is null then null else jsonb_build_object('lat', h.gps_lat, 'lon', h.gps_lon) end,
      'verification_word', h.verification_word
    ) end,
    'notes', case when contact then coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', n.id, 'at', n.created_at, 'kind', n.kind, 'body', n.body,
        'author', app.member_label(m, me), 'mine', m.id = me.id
      ) order by n.created_at, n.id)
      from app.request_notes n join app.members m on m.id = n.member_id
      where n.request_id = h.id
    ), '[]'::jsonb) else '[]'::jsonb end,
    'events', coalesce((
      select jsonb_agg(jsonb_build_object(
        'at', e.created_at, 'kind', e.kind, 'status_after', e.status_after, 'team_name', t.name,
        'reason', e.reason, 'actor', e.actor, 'by', app.member_label(m, me)
      ) order by e.created_at, e.id)
      from app.request_events e
      left join app.teams t on t.id = e.team_id
      left join app.members m on m.id = e.actor_member_id
      where e.request_id = h.id
    ), '[]'::jsonb),
    'actions', to_jsonb(app.request_actions(h, me))
  );
end
$$;
comment on function app.team_request_detail(bigint, app.members) is 'A request with what the member may see: summary, erase_requested (the citizen asked for erasure, done when it is closed), personal_data_erased, contact details and notes (if app.can_see_contact), event history, allowed actions. Raises not_found.';

-- ---------------------------------------------------------------------------------------------
-- RPCs (authenticated only)

/* Security definer (search_path pinned, every name qualified). Members: their team's open
   requests. Admins: any team's (team_id), or the province pool (pool, or when they are on no team).
   The page_size oldest first (default 50, at most 500; the oldest are the most urgent), with the
   true number open in scope (total) and waiting, counted on the same indexes. It first returned the
   500 oldest at most and counted "waiting" over those only: a team with 1,000 open requests saw 250
   waiting when 500 were, the province pool showed 500 of 2,974, the newest requests past 500 were
   not there, and each 30-second refresh sent about 690 bytes per request (339 kB for a big team;
   tests/bench/team-queue.ts). */
create function public.team_queue(team_id bigint default null, pool boolean default false, page_size integer default 50)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  scope bigint;
  in_pool boolean := coalesce(team_queue.pool, false);
  ids bigint[];
  items jsonb;
  open_count bigint;
  waiting_count bigint;
begin
  perform app.require_post();
  me := app.require_member();
  if team_queue.page_size is null or team_queue.page_size not between 1 and 500 then
    perform app.raise_code('payload_invalid');
  end if;
  if in_pool and me.role <> 'admin' then
    perform app.raise_code('forbidden');
  end if;
  if not in_pool then
    scope := coalesce(team_queue.team_id, me.team_id);
    if me.role <> 'admin' and scope is distinct from me.team_id then
      perform app.raise_code('forbidden');
    end if;
    in_pool := scope is null;
  end if;

  -- Plain queries, so each uses its index: the partial help_requests_unassigned_idx for the pool,
  -- help_requests_team_id_status_idx (team_id, status) for a team, whose counts read the index only.
  if in_pool then
    ids := array(select x.id from app.help_requests x where x.status = 'unassigned'
                 order by x.created_at, x.id limit team_queue.page_size);
    select count(*) into open_count from app.help_requests x where x.status = 'unassigned';
    waiting_count := open_count;
  else
    ids := array(select x.id from app.help_requests x where x.team_id = scope and x.status in ('assigned', 'accepted')
                 order by x.created_at, x.id limit team_queue.page_size);
    select count(*), count(*) filter (where x.status = 'assigned') into open_count, waiting_count
    from app.help_requests x where x.team_id = scope and x.status in ('assigned', 'accepted');
  end if;
  select coalesce(jsonb_agg(app.team_request_summary(h, me) order by h.created_at, h.id), '[]'::jsonb) into items
  from app.help_requests h
  where h.id = any (ids);

  return jsonb_build_object(
    'pool', in_pool,
    'team', (select jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) from app.teams t where t.id = scope),
    -- A request may close between the queries: the total never says fewer than the list shows.
    'total', greatest(open_count, jsonb_array_length(items)),
    'waiting', waiting_count,
    'items', items
  );
end
$$;
comment on function public.team_queue(bigint, boolean, integer) is 'Open requests of the caller''s team, oldest first (admins: any team by id, or the province pool): the page_size oldest (default 50, 1 to 500). {pool, team {id, code, name} | null, total (open in scope), waiting (in scope, not yet accepted), items: [summary]}; summaries hold no personal data. Errors: not_member, payload_invalid, forbidden. POST only.';
grant execute on function public.team_queue(bigint, boolean, integer) to authenticated;

/* Security definer (see the file header). One request as app.team_request_detail() shows it. */
create function public.team_request(request_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
begin
  perform app.require_post();
  me := app.require_member();
  return app.team_request_detail(team_request.request_id, me);
end
$$;
comment on function public.team_request(bigint) is 'One request for the workspace: summary, whether the citizen asked for erasure (erase_requested) or it is done (personal_data_erased), contact details and notes (only for who must call), history, allowed actions. Errors: not_member, not_found. POST only.';
grant execute on function public.team_request(bigint) to authenticated;

/* Security definer (see the file header). "Tôi nhận": the caller takes an assigned request of their
   team (admins: any); they now see the contact details. */
create function public.accept_request(request_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
begin
  perform app.require_post();
  me := app.require_member();
  h := app.lock_request(accept_request.request_id, me);
  if h.status = 'accepted' then
    perform app.raise_code('already_accepted');
  end if;
  if h.status <> 'assigned' then
    perform app.raise_code('state_invalid');
  end if;
  update app.help_requests x
  set status = 'accepted', accepted_at = now(), accepted_by = me.id, updated_at = now()
  where x.id = h.id;
  perform app.record_team_event(h.id, 'accepted', 'accepted', h.team_id, me);
  return app.team_request_detail(h.id, me);
end
$$;
comment on function public.accept_request(bigint) is 'Accepts an assigned request of the caller''s team ("Tôi nhận"). Returns the request detail (now with contact details). Errors: not_member, not_found, request_closed, already_accepted, state_invalid. POST only.';
grant execute on function public.accept_request(bigint) to authenticated;

/* Security definer (see the file header). A note on an open request the caller can see. */
create function public.add_request_note(request_id bigint default null, note text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
  body text;
begin
  perform app.require_post();
  me := app.require_member();
  body := app.clean_note(add_request_note.note);
  if body is null then
    perform app.raise_code('note_invalid');
  end if;
  h := app.lock_request(add_request_note.request_id, me);
  perform app.add_note(h.id, me, 'note', body);
  perform app.record_team_event(h.id, 'noted', h.status, h.team_id, me);
  return app.team_request_detail(h.id, me);
end
$$;
comment on function public.add_request_note(bigint, text) is 'Adds a note (1–1000 characters) to an open request of the caller''s team. Returns the request detail. Errors: not_member, not_found, request_closed, note_invalid. POST only.';
grant execute on function public.add_request_note(bigint, text) to authenticated;

/* Checks that the caller may work an accepted request: state_invalid unless accepted, not_yours
   unless they accepted it, lead its team or are an admin. */
create function app.require_manageable(h app.help_requests, me app.members)
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if h.status <> 'accepted' then
    perform app.raise_code('state_invalid');
  end if;
  if not app.can_manage_request(h, me) then
    perform app.raise_code('not_yours');
  end if;
end
$$;
comment on function app.require_manageable(app.help_requests, app.members) is 'Raises state_invalid (not accepted) or not_yours (not the caller''s to work).';

/* Security definer (see the file header). Records a call nobody answered; enough of them allow closing
   as not_reachable. */
create function public.record_contact_attempt(request_id bigint default null, note text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
  body text;
begin
  perform app.require_post();
  me := app.require_member();
  body := app.clean_note(record_contact_attempt.note);
  h := app.lock_request(record_contact_attempt.request_id, me);
  perform app.require_manageable(h, me);
  update app.help_requests x set contact_attempts = x.contact_attempts + 1, updated_at = now() where x.id = h.id;
  perform app.add_note(h.id, me, 'contact_attempt', body);
  perform app.record_team_event(h.id, 'contact_attempt', 'accepted', h.team_id, me,
    detail => jsonb_build_object('attempt', h.contact_attempts + 1));
  return app.team_request_detail(h.id, me);
end
$$;
comment on function public.record_contact_attempt(bigint, text) is 'Records an unanswered call on an accepted request (with an optional note). Returns the request detail. Errors: not_member, not_found, request_closed, state_invalid, not_yours, note_invalid. POST only.';
grant execute on function public.record_contact_attempt(bigint, text) to authenticated;

/* Security definer (see the file header). Closes an accepted request with an outcome. */
create function public.close_request(request_id bigint default null, outcome text default null, note text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
  body text;
  min_attempts integer := coalesce((app.setting('team.min_contact_attempts') #>> '{}')::integer, 3);
begin
  perform app.require_post();
  me := app.require_member();
  if close_request.outcome is null
    or close_request.outcome not in ('helped', 'not_reachable', 'citizen_cancelled', 'out_of_scope') then
    perform app.raise_code('outcome_invalid');
  end if;
  body := app.clean_note(close_request.note);
  h := app.lock_request(close_request.request_id, me);
  perform app.require_manageable(h, me);
  if close_request.outcome = 'not_reachable' and h.contact_attempts < min_attempts then
    perform app.raise_code('attempts_too_few');
  end if;
  update app.help_requests x
  set status = 'closed', closed_at = now(), outcome = close_request.outcome, updated_at = now()
  where x.id = h.id;
  perform app.add_note(h.id, me, 'close', body);
  perform app.record_team_event(h.id, 'closed', 'closed', h.team_id, me, close_request.outcome,
    detail => jsonb_build_object('contact_attempts', h.contact_attempts));
  return app.team_request_detail(h.id, me);
end
$$;
comment on function public.close_request(bigint, text, text) is 'Closes an accepted request with an outcome: helped, not_reachable (only after team.min_contact_attempts recorded calls), citizen_cancelled, out_of_scope; optional note. Returns the request detail. Errors: not_member, not_found, request_closed, state_invalid, not_yours, outcome_invalid, attempts_too_few, note_invalid. POST only.';
grant execute on function public.close_request(bigint, text, text) to authenticated;

/* Security definer (see the file header). Gives an accepted request back to the team's queue; the
   acceptance deadline starts again. */
create function public.release_request(request_id bigint default null, note text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
  body text;
begin
  perform app.require_post();
  me := app.require_member();
  body := app.clean_note(release_request.note);
  h := app.lock_request(release_request.request_id, me);
  perform app.require_manageable(h, me);
  update app.help_requests x
  set status = 'assigned', accepted_at = null, accepted_by = null, assigned_at = now(), updated_at = now()
  where x.id = h.id;
  perform app.add_note(h.id, me, 'release', body);
  perform app.record_team_event(h.id, 'released', 'assigned', h.team_id, me);
  return app.team_request_detail(h.id, me);
end
$$;
comment on function public.release_request(bigint, text) is 'Puts an accepted request back in its team''s queue (status assigned, new acceptance deadline), with an optional note. Returns the request detail. Errors: not_member, not_found, request_closed, state_invalid, not_yours, note_invalid. POST only.';
grant execute on function public.release_request(bigint, text) to authenticated;

/* Security definer (see the file header). The nearest other active teams to the request's point
   (GiST nearest-neighbour search), with whether each covers the commune, reaches the point, is
   full, or already had the request. */
create function public.handover_suggestions(request_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
  point extensions.cube;
  how_many integer := least(greatest(coalesce((app.setting('team.handover_suggestions') #>> '{}')::integer, 6), 1), 50);
begin
  perform app.require_post();
  me := app.require_member();
  select x.* into h from app.help_requests x where x.id = handover_suggestions.request_id;
  if h.id is null or not app.can_view_request(h, me) then
    perform app.raise_code('not_found');
  end if;
  if h.status in ('closed', 'cancelled') then
    perform app.raise_code('request_closed');
  end if;
  point := app.request_point(h.id);
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'id', s.id, 'code', s.code, 'name', s.name, 'commune_name', s.commune_name,
      'distance_m', round(s.distance_m), 'within_radius', s.distance_m <= s.service_radius_m,
      'covers_commune', exists (select 1 from app.team_communes tc where tc.team_id = s.id and tc.commune_code = h.commune_code),
      'open_count', s.open_count, 'capacity', s.capacity,
      'had_it', exists (select 1 from app.request_events e
                        where e.request_id = h.id and e.team_id = s.id and e.kind in ('assigned', 'handed_over', 'escalated'))
    ) order by s.distance_m, s.id)
    from (
      select t.id, t.code, t.name, c.name as commune_name, t.service_radius_m, t.capacity,
             extensions.cube_distance(t.position, point) as distance_m,
             (select count(*) from app.help_requests o where o.team_id = t.id and o.status in ('assigned', 'accepted')) as open_count
      from app.teams t join app.communes c on c.code = t.commune_code
      where t.active and t.id is distinct from h.team_id
      order by t.position operator(extensions.<->) point
      limit how_many
    ) s
  ), '[]'::jsonb);
end
$$;
comment on function public.handover_suggestions(bigint) is 'Nearest other active teams for handing a request over: [{id, code, name, commune_name, distance_m, within_radius, covers_commune, open_count, capacity, had_it}], nearest first. Errors: not_member, not_found, request_closed. POST only.';
grant execute on function public.handover_suggestions(bigint) to authenticated;

/* Security definer (see the file header). Hands an open request to another active team with a reason
   code (and an optional note): assigned requests by any member of the team, accepted ones by who
   may work them, pool requests by admins. The target team row is locked and its open requests
   counted, as routing does, so capacity holds; only admins may exceed it. */
create function public.hand_over_request(
  request_id bigint default null,
  to_team_id bigint default null,
  reason text default null,
  note text default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  h app.help_requests;
  target record;
  body text;
  open_count integer;
  distance integer;
begin
  perform app.require_post();
  me := app.require_member();
  if hand_over_request.reason is null or hand_over_request.reason not in
    ('too_far', 'team_full', 'needs_other_skills', 'citizen_request', 'pool_assignment', 'other') then
    perform app.raise_code('reason_invalid');
  end if;
  body := app.clean_note(hand_over_request.note);
  h := app.lock_request(hand_over_request.request_id, me);
  if h.status = 'accepted' and not app.can_manage_request(h, me) then
    perform app.raise_code('not_yours');
  end if;

  select t.id, t.code, t.name, t.active, t.capacity, t.position into target
  from app.teams t where t.id = hand_over_request.to_team_id
  for update;
  if target.id is null or not target.active or target.id is not distinct from h.team_id then
    perform app.raise_code('team_invalid');
  end if;
  select count(*) into open_count from app.help_requests o
  where o.team_id = target.id and o.status in ('assigned', 'accepted');
  if open_count >= target.capacity and me.role <> 'admin' then
    perform app.raise_code('team_full');
  end if;
  distance := round(extensions.cube_distance(target.position, app.request_point(h.id)))::integer;

  update app.help_requests x
  set status = 'assigned', team_id = target.id, assigned_at = now(), accepted_at = null, accepted_by = null,
      updated_at = now()
  where x.id = h.id;
  perform app.add_note(h.id, me, 'handover', body);
  perform app.record_team_event(h.id, 'handed_over', 'assigned', target.id, me, hand_over_request.reason, distance,
    jsonb_build_object('from_team_id', h.team_id, 'from_status', h.status));
  return jsonb_build_object(
    'id', h.id, 'status', 'assigned',
    'team', jsonb_build_object('id', target.id, 'code', target.code, 'name', target.name)
  );
end
$$;
comment on function public.hand_over_request(bigint, bigint, text, text) is 'Hands an open request to another active team with a reason (too_far, team_full, needs_other_skills, citizen_request, pool_assignment, other) and an optional note; the new team has the full acceptance time. Returns {id, status, team}. Errors: not_member, not_found, request_closed, not_yours, reason_invalid, team_invalid, team_full, note_invalid. POST only.';
grant execute on function public.hand_over_request(bigint, bigint, text, text) to authenticated;

