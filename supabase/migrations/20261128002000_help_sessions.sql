-- Help sessions: where and when a team helps in person ("every Friday 14:00–17:00 at the cultural
-- house of khu 5"), created by its leader in /doi/ and shown to citizens on the commune page
-- (/xa/<slug>/) and in the booking form (public.commune_public_info, commune pages migration).
--
-- A session is a series: one day (one-off: no weekdays, no until day) or weekly on chosen weekdays
-- from first_day until until_day, inclusive, between two times of day in Vietnam time
-- (Asia/Ho_Chi_Minh, UTC+7 all year). The database keeps the series and the cancelled days
-- (app.help_session_skips); the site expands the occurrences (src/lib/domain/recurrence.ts, unit
-- tested), so the rule lives in one place per side: SQL checks that a cancelled day is one of the
-- series' days with the same rule (app.help_session_has_day).
--
-- Access: like the rest of schema app, API roles have no privilege on these tables (RLS is on, with
-- no policy); every read and write goes through the security definer RPCs below, which check the
-- caller's membership first. Members read their own team's sessions, leaders change their own
-- team's, admins any team's: team A can neither read nor change team B's sessions. Writes are rate
-- limited per member (rate_limit.help_sessions.per_member) and every change is an event in
-- app.team_public_events (who, when, what; no personal data).
--
-- Objects: app.help_sessions, app.help_session_skips, app.team_public_events, the setting
--          rate_limit.help_sessions.per_member, app.vietnam_today(), app.help_session_has_day(),
--          app.help_session_json(), app.check_help_session(), app.session_team(),
--          app.take_help_session_limit(), public.team_help_sessions(), public.save_help_session(),
--          public.cancel_help_session_day(), public.cancel_help_session().

/* One series of help sessions of a team, in one place. */
create table app.help_sessions (
  id bigint generated always as identity primary key,
  team_id bigint not null references app.teams (id) on delete cascade,
  commune_code text not null references app.communes (code),
  place_name text not null check (char_length(place_name) between 3 and 120),
  address text not null check (char_length(address) between 5 and 200),
  first_day date not null,
  until_day date,
  weekdays smallint[] not null default '{}' check (weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]),
  starts_at time not null,
  ends_at time not null,
  topics text[] not null default '{}'
    check (topics <@ '{vneid,vssid,etax,dichvucong,smart-quang-ninh,thanh-toan-an-toan}'::text[]),
  note text check (char_length(note) between 1 and 300),
  cancelled_at timestamptz,
  is_demo boolean not null default false,
  created_by bigint references app.members (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  check (
    (cardinality(weekdays) = 0 and until_day is null)
    or (cardinality(weekdays) > 0 and until_day between first_day and first_day + 366)
  )
);
comment on table app.help_sessions is 'Help sessions of a team: a one-off day or a weekly series (weekdays, until a day, inclusive) between two times of day, Vietnam time. Public through commune_public_info when the team is listed publicly; no personal data.';
comment on column app.help_sessions.commune_code is 'Commune whose page shows the session: the team''s own commune or one it covers.';
comment on column app.help_sessions.place_name is 'Where, as people call it ("Nhà văn hoá khu 5").';
comment on column app.help_sessions.first_day is 'The one day of a one-off session, or the day a weekly series starts (its first occurrence is the first chosen weekday from then on).';
comment on column app.help_sessions.until_day is 'Last day of a weekly series (inclusive, at most a year after first_day); null for a one-off.';
comment on column app.help_sessions.weekdays is 'ISO weekdays of a weekly series (1 = Monday … 7 = Sunday); empty for a one-off.';
comment on column app.help_sessions.starts_at is 'Start time of day, Vietnam time (Asia/Ho_Chi_Minh, no summer time).';
comment on column app.help_sessions.topics is 'Platforms the team helps with at the session (platform ids); empty means any.';
comment on column app.help_sessions.cancelled_at is 'When the whole series was cancelled; it is then no longer shown.';
comment on column app.help_sessions.is_demo is 'True for the demo sessions of seed.sql only.';
comment on column app.help_sessions.created_by is 'Member (leader or admin) who created the series.';
-- A team's sessions (workspace, foreign key); a commune's current sessions (commune page); the
-- creator foreign key.
create index help_sessions_team_id_idx on app.help_sessions (team_id);
create index help_sessions_commune_idx on app.help_sessions (commune_code, (coalesce(until_day, first_day))) where cancelled_at is null;
create index help_sessions_created_by_idx on app.help_sessions (created_by);
alter table app.help_sessions enable row level security;

/* Single days of a series that will not take place ("Nghỉ buổi 13/12"). */
create table app.help_session_skips (
  session_id bigint not null references app.help_sessions (id) on delete cascade,
  day date not null,
  created_at timestamptz not null default now(),
  created_by bigint references app.members (id) on delete set null,
  primary key (session_id, day)
);
comment on table app.help_session_skips is 'Cancelled single days of a help session series.';
comment on column app.help_session_skips.day is 'The day (Vietnam) that will not take place; always one of the series'' days.';
-- The creator foreign key.
create index help_session_skips_created_by_idx on app.help_session_skips (created_by);
alter table app.help_session_skips enable row level security;

/* Audit trail of what teams publish: sessions created and cancelled, days cancelled, the public
   phone and listing changed. Who and when, nothing personal. */
create table app.team_public_events (
  id bigint generated always as identity primary key,
  team_id bigint not null references app.teams (id) on delete cascade,
  session_id bigint references app.help_sessions (id) on delete cascade,
  kind text not null check (kind in ('session_created', 'session_day_cancelled', 'session_cancelled', 'public_info_changed')),
  day date,
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object'),
  actor_member_id bigint references app.members (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table app.team_public_events is 'Audit trail of changes to what a team publishes (help sessions, public phone, public listing): kind, team, session, day, acting member and time. No personal data.';
comment on column app.team_public_events.kind is 'session_created, session_day_cancelled (day says which), session_cancelled (the whole series), public_info_changed (detail: the new public phone and listing).';
comment on column app.team_public_events.actor_member_id is 'Leader or admin who made the change.';
-- A team's history; the foreign keys.
create index team_public_events_team_id_idx on app.team_public_events (team_id, created_at);
create index team_public_events_session_id_idx on app.team_public_events (session_id);
create index team_public_events_actor_member_id_idx on app.team_public_events (actor_member_id);
alter table app.team_public_events enable row level security;

insert into app.settings (key, value, description) values
  ('rate_limit.help_sessions.per_member', '{"max": 60, "window_seconds": 3600}',
   'Changes to help sessions and to a team''s public information per member in a fixed window (save_help_session, cancel_help_session_day, cancel_help_session, save_team_public_info).');

/* Today in Vietnam: sessions are planned in Vietnam days. */
create function app.vietnam_today()
returns date
language sql stable
set search_path = ''
as $$
  select (now() at time zone 'Asia/Ho_Chi_Minh')::date
$$;
comment on function app.vietnam_today() is 'The current date in Vietnam (Asia/Ho_Chi_Minh).';

/* Whether a day is one of a series' days (before cancellations): the one day of a one-off, or a
   chosen weekday between first_day and until_day inclusive. The same rule as occurrencesOf() in
   src/lib/domain/recurrence.ts. */
create function app.help_session_has_day(s app.help_sessions, day date)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case
    when cardinality(s.weekdays) = 0 then day = s.first_day
    else day between s.first_day and s.until_day and extract(isodow from day)::smallint = any (s.weekdays)
  end
$$;
comment on function app.help_session_has_day(app.help_sessions, date) is 'Whether a day is one of a help session series'' days (one-off day, or a chosen weekday within first_day..until_day).';

/* A series as the site reads it: times as HH:MM, the commune, and its cancelled days from
   `from_day` on. */
create function app.help_session_json(s app.help_sessions, from_day date)
returns jsonb
language sql stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', s.id,
    'commune', (select jsonb_build_object('code', c.code, 'name', c.name, 'slug', c.slug) from app.communes c where c.code = s.commune_code),
    'place_name', s.place_name,
    'address', s.address,
    'first_day', s.first_day,
    'until_day', s.until_day,
    'weekdays', to_jsonb(s.weekdays),
    'starts_at', to_char(s.starts_at, 'HH24:MI'),
    'ends_at', to_char(s.ends_at, 'HH24:MI'),
    'topics', to_jsonb(s.topics),
    'note', s.note,
    'cancelled_days', coalesce((
      select jsonb_agg(k.day order by k.day) from app.help_session_skips k
      where k.session_id = s.id and k.day >= from_day
    ), '[]'::jsonb)
  )
$$;
comment on function app.help_session_json(app.help_sessions, date) is 'A help session series for the site: {id, commune {code, name, slug}, place_name, address, first_day, until_day, weekdays, starts_at, ends_at, topics, note, cancelled_days (from from_day on)}.';

/* Checks a session as typed in /doi/ and returns the row to insert (for team_id). Raises one stable
   code per problem, which the workspace shows in Vietnamese (src/lib/i18n/vi/sessions.json). */
create function app.check_help_session(payload jsonb, team_id bigint)
returns app.help_sessions
language plpgsql stable
set search_path = ''
as $$
declare
  s app.help_sessions;
  today date := app.vietnam_today();
  weekly boolean;
begin
  if payload is null or jsonb_typeof(payload) <> 'object' then
    perform app.raise_code('payload_invalid');
  end if;
  s.team_id := team_id;
  s.place_name := app.clean_line(payload ->> 'place_name');
  if s.place_name is null or char_length(s.place_name) not between 3 and 120 then
    perform app.raise_code('place_invalid');
  end if;
  s.address := app.clean_line(payload ->> 'address');
  if s.address is null or char_length(s.address) not between 5 and 200 then
    perform app.raise_code('address_invalid');
  end if;
  s.commune_code := payload ->> 'commune_code';
  if s.commune_code is null or not (
    exists (select 1 from app.teams t where t.id = check_help_session.team_id and t.commune_code = s.commune_code)
    or exists (select 1 from app.team_communes tc where tc.team_id = check_help_session.team_id and tc.commune_code = s.commune_code)
  ) then
    perform app.raise_code('commune_invalid');
  end if;

  if coalesce(payload ->> 'first_day', '') !~ '^\d{4}-\d{2}-\d{2}$' then
    perform app.raise_code('day_invalid');
  end if;
  begin
    s.first_day := (payload ->> 'first_day')::date;
  exception when others then
    perform app.raise_code('day_invalid');
  end;
  if s.first_day < today or s.first_day > today + 366 then
    perform app.raise_code('day_invalid');
  end if;

  if coalesce(payload ->> 'starts_at', '') !~ '^([01]\d|2[0-3]):[0-5]\d$'
    or coalesce(payload ->> 'ends_at', '') !~ '^([01]\d|2[0-3]):[0-5]\d$' then
    perform app.raise_code('time_invalid');
  end if;
  s.starts_at := (payload ->> 'starts_at')::time;
  s.ends_at := (payload ->> 'ends_at')::time;
  if s.ends_at <= s.starts_at then
    perform app.raise_code('time_invalid');
  end if;

  if payload -> 'weekdays' is not null and jsonb_typeof(payload -> 'weekdays') not in ('array', 'null') then
    perform app.raise_code('weekdays_invalid');
  end if;
  if exists (
    select 1 from jsonb_array_elements(coalesce(nullif(payload -> 'weekdays', 'null'::jsonb), '[]'::jsonb)) w
    where jsonb_typeof(w) <> 'number' or w::text !~ '^[1-7]$'
  ) then
    perform app.raise_code('weekdays_invalid');
  end if;
  s.weekdays := array(
    select distinct (w #>> '{}')::smallint
    from jsonb_array_elements(coalesce(nullif(payload -> 'weekdays', 'null'::jsonb), '[]'::jsonb)) w
    order by 1
  );
  weekly := cardinality(s.weekdays) > 0;
  if weekly then
    if coalesce(payload ->> 'until_day', '') !~ '^\d{4}-\d{2}-\d{2}$' then
      perform app.raise_code('until_invalid');
    end if;
    begin
      s.until_day := (payload ->> 'until_day')::date;
    exception when others then
      perform app.raise_code('until_invalid');
    end;
    if s.until_day < s.first_day or s.until_day > s.first_day + 366 then
      perform app.raise_code('until_invalid');
    end if;
    if not exists (select 1 from generate_series(s.first_day, s.until_day, interval '1 day') d where app.help_session_has_day(s, d::date)) then
      perform app.raise_code('until_invalid');
    end if;
  end if;

  if payload -> 'topics' is not null and jsonb_typeof(payload -> 'topics') not in ('array', 'null') then
    perform app.raise_code('topics_invalid');
  end if;
  if exists (
    select 1 from jsonb_array_elements(coalesce(nullif(payload -> 'topics', 'null'::jsonb), '[]'::jsonb)) e
    where jsonb_typeof(e) <> 'string'
      or e #>> '{}' not in ('vneid', 'vssid', 'etax', 'dichvucong', 'smart-quang-ninh', 'thanh-toan-an-toan')
  ) then
    perform app.raise_code('topics_invalid');
  end if;
  s.topics := array(
    select distinct e #>> '{}' from jsonb_array_elements(coalesce(nullif(payload -> 'topics', 'null'::jsonb), '[]'::jsonb)) e order by 1
  );

  s.note := nullif(app.clean_text(payload ->> 'note'), '');
  if s.note is not null and char_length(s.note) > 300 then
    perform app.raise_code('note_invalid');
  end if;
  return s;
end
$$;
comment on function app.check_help_session(jsonb, bigint) is 'Checks a help session as typed (place_name, address, commune_code, first_day, starts_at, ends_at, weekdays, until_day, topics, note) for a team; returns the row. Errors: payload_invalid, place_invalid, address_invalid, commune_invalid, day_invalid, time_invalid, weekdays_invalid, until_invalid, topics_invalid, note_invalid.';

/* Whose sessions the caller works with: members and leaders their own team only (a leader may
   change them, a member only read); admins the team they name. Raises forbidden or team_invalid. */
create function app.session_team(me app.members, requested_team_id bigint, for_change boolean)
returns bigint
language plpgsql stable
set search_path = ''
as $$
begin
  if me.role = 'admin' then
    if requested_team_id is null or not exists (select 1 from app.teams t where t.id = requested_team_id) then
      perform app.raise_code('team_invalid');
    end if;
    return requested_team_id;
  end if;
  if requested_team_id is not null and requested_team_id <> me.team_id then
    perform app.raise_code('forbidden');
  end if;
  if for_change and me.role <> 'leader' then
    perform app.raise_code('forbidden');
  end if;
  return me.team_id;
end
$$;
comment on function app.session_team(app.members, bigint, boolean) is 'Team whose sessions the caller may read (members: own) or change (leaders: own; admins: the named team). Raises forbidden, team_invalid.';

/* Counts one change by the member against rate_limit.help_sessions.per_member; raises rate_limited. */
create function app.take_help_session_limit(me app.members)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  if not app.rate_limit_take('help_sessions.per_member', me.id::text) then
    perform app.raise_code('rate_limited');
  end if;
end
$$;
comment on function app.take_help_session_limit(app.members) is 'Counts a change to help sessions or public team information for the member; raises rate_limited over rate_limit.help_sessions.per_member.';

/* Security definer: the team's public information and its current sessions for /doi/ (members:
   own team; admins: the named team). Sessions that ended before today or were cancelled are left
   out. */
create function public.team_help_sessions(team_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  team bigint;
  today date := app.vietnam_today();
begin
  perform app.require_post();
  me := app.require_member();
  team := app.session_team(me, team_help_sessions.team_id, false);
  return jsonb_build_object(
    'team', (
      select jsonb_build_object(
        'id', t.id, 'code', t.code, 'name', t.name,
        'commune', jsonb_build_object('code', c.code, 'name', c.name, 'slug', c.slug),
        'communes', (
          select jsonb_agg(jsonb_build_object('code', x.code, 'name', x.name, 'slug', x.slug) order by x.code <> t.commune_code, x.name)
          from app.communes x
          where x.code = t.commune_code or x.code in (select tc.commune_code from app.team_communes tc where tc.team_id = t.id)
        ),
        'public_phone', t.public_phone,
        'public_listing', t.public_listing,
        'active', t.active
      )
      from app.teams t join app.communes c on c.code = t.commune_code
      where t.id = team
    ),
    'can_change', me.role in ('leader', 'admin'),
    'sessions', coalesce((
      select jsonb_agg(app.help_session_json(s, today) order by s.first_day, s.starts_at, s.id)
      from app.help_sessions s
      where s.team_id = team and s.cancelled_at is null and coalesce(s.until_day, s.first_day) >= today
    ), '[]'::jsonb)
  );
end
$$;
comment on function public.team_help_sessions(bigint) is 'The team''s public information and current help sessions for /doi/: {team {id, code, name, commune {code, name, slug}, communes [{code, name, slug}], public_phone, public_listing, active}, can_change, sessions [help session]}. Members: own team; admins: the named team. Errors: not_member, forbidden, team_invalid. POST only.';
grant execute on function public.team_help_sessions(bigint) to authenticated;

/* Security definer: creates a help session series for the caller's team (leaders) or the named
   team (admins). Audited and rate limited. */
create function public.save_help_session(session jsonb default null, team_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  team bigint;
  s app.help_sessions;
begin
  perform app.require_post();
  me := app.require_member();
  team := app.session_team(me, save_help_session.team_id, true);
  s := app.check_help_session(save_help_session.session, team);
  perform app.take_help_session_limit(me);
  insert into app.help_sessions (team_id, commune_code, place_name, address, first_day, until_day, weekdays,
    starts_at, ends_at, topics, note, created_by)
  values (team, s.commune_code, s.place_name, s.address, s.first_day, s.until_day, s.weekdays,
    s.starts_at, s.ends_at, s.topics, s.note, me.id)
  returning * into s;
  insert into app.team_public_events (team_id, session_id, kind, actor_member_id)
  values (team, s.id, 'session_created', me.id);
  return app.help_session_json(s, app.vietnam_today());
end
$$;
comment on function public.save_help_session(jsonb, bigint) is 'Leaders (own team) and admins (team_id): creates a help session series from {place_name, address, commune_code, first_day, starts_at, ends_at, weekdays, until_day, topics, note}. Returns the session. Errors: not_member, forbidden, team_invalid, payload_invalid, place_invalid, address_invalid, commune_invalid, day_invalid, time_invalid, weekdays_invalid, until_invalid, topics_invalid, note_invalid, rate_limited. POST only.';
grant execute on function public.save_help_session(jsonb, bigint) to authenticated;

/* The caller's team's session, locked for a change; not_found for another team's (whether or not
   it exists, so ids of other teams' sessions cannot be probed). */
create function app.changeable_session(me app.members, session_id bigint)
returns app.help_sessions
language plpgsql volatile
set search_path = ''
as $$
declare
  s app.help_sessions;
begin
  select * into s from app.help_sessions x where x.id = session_id for update;
  if s.id is null or (me.role <> 'admin' and s.team_id is distinct from me.team_id) then
    perform app.raise_code('not_found');
  end if;
  perform app.session_team(me, s.team_id, true);
  if s.cancelled_at is not null then
    perform app.raise_code('session_cancelled');
  end if;
  return s;
end
$$;
comment on function app.changeable_session(app.members, bigint) is 'A help session the caller may change, locked (leaders: own team; admins: any). Raises not_found, forbidden, session_cancelled.';

/* Security definer: cancels one day of a series ("Nghỉ buổi 13/12"). */
create function public.cancel_help_session_day(session_id bigint default null, day date default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  s app.help_sessions;
begin
  perform app.require_post();
  me := app.require_member();
  s := app.changeable_session(me, cancel_help_session_day.session_id);
  if cancel_help_session_day.day is null or not app.help_session_has_day(s, cancel_help_session_day.day)
    or cancel_help_session_day.day < app.vietnam_today() then
    perform app.raise_code('day_not_in_series');
  end if;
  perform app.take_help_session_limit(me);
  insert into app.help_session_skips (session_id, day, created_by)
  values (s.id, cancel_help_session_day.day, me.id)
  on conflict do nothing;
  if found then
    insert into app.team_public_events (team_id, session_id, kind, day, actor_member_id)
    values (s.team_id, s.id, 'session_day_cancelled', cancel_help_session_day.day, me.id);
  end if;
  return app.help_session_json(s, app.vietnam_today());
end
$$;
comment on function public.cancel_help_session_day(bigint, date) is 'Leaders (own team) and admins: cancels one day of a help session series (a day of the series, today or later). Returns the session. Errors: not_member, not_found, forbidden, session_cancelled, day_not_in_series, rate_limited. POST only.';
grant execute on function public.cancel_help_session_day(bigint, date) to authenticated;

/* Security definer: cancels a whole series; it is no longer shown anywhere. */
create function public.cancel_help_session(session_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  s app.help_sessions;
begin
  perform app.require_post();
  me := app.require_member();
  s := app.changeable_session(me, cancel_help_session.session_id);
  perform app.take_help_session_limit(me);
  update app.help_sessions x set cancelled_at = now(), updated_at = now() where x.id = s.id;
  insert into app.team_public_events (team_id, session_id, kind, actor_member_id)
  values (s.team_id, s.id, 'session_cancelled', me.id);
  return jsonb_build_object('id', s.id, 'cancelled', true);
end
$$;
comment on function public.cancel_help_session(bigint) is 'Leaders (own team) and admins: cancels a whole help session series. Returns {id, cancelled: true}. Errors: not_member, not_found, forbidden, session_cancelled, rate_limited. POST only.';
grant execute on function public.cancel_help_session(bigint) to authenticated;
