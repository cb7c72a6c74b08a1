-- Outreach log: the field work teams do away from the booking form (help at home, help sessions,
-- training, onboarding shops to cashless payment, QR stickers, flyers), counted so that the Youth
-- Union can report it upward.
--
-- A member records an entry in a few taps in /doi/: a kind, how many (people helped, shops,
-- flyers, participants), the commune, the day, the platforms, an optional short note. Entries hold
-- no personal data of citizens or shop owners: the form says so, and the note refuses anything that
-- looks like a phone number. Members edit or delete their own entries for
-- outreach.edit_days (7) days after writing them; leaders read their team's; admins read every
-- team's and the aggregates (outreach_statistics); anyone reads the province totals of people
-- helped and shops supported (outreach_totals, the home page).
--
-- Access: like every table in schema app, the API roles have no privilege on these tables and RLS
-- is on without a policy for them (deny all); every read and write goes through the security
-- definer RPCs below, each resolving the caller's membership first and filtering by the caller's
-- team (team A never reads or changes team B's entries). Writes are rate-limited per member
-- (rate_limit.outreach.per_member) and every change is an audit row in app.outreach_events, which
-- keeps the counts before and after but never the note.
--
-- Objects: settings rows outreach.*, rate_limit.outreach.per_member; app.outreach_entries,
--          app.outreach_events, app.outreach_entry_json(), app.check_outreach_entry(),
--          app.outreach_audit_fields(), app.record_outreach_event(), app.lock_own_outreach_entry(),
--          public.save_outreach_entry(),
--          public.delete_outreach_entry(), public.outreach_entries(),
--          public.outreach_statistics(), public.outreach_totals().

insert into app.settings (key, value, description) values
  ('rate_limit.outreach.per_member', '{"max": 60, "window_seconds": 3600}',
   'Outreach log writes (new entries, edits, deletions) per member in a fixed window ({max, window_seconds}).'),
  ('outreach.edit_days', '7',
   'Days after writing an outreach entry during which its author may still edit or delete it.'),
  ('outreach.max_age_days', '60',
   'How far back an outreach entry''s day may lie (days before today in Vietnam time).');

/* One piece of field work. No personal data: counts, kind, place, day, platforms and a short note
   that must not name or reach anyone. */
create table app.outreach_entries (
  id bigint generated always as identity primary key,
  team_id bigint not null references app.teams (id),
  member_id bigint not null references app.members (id),
  -- Alphabetical; the Vietnamese labels are in src/lib/i18n/vi/outreach.json.
  kind text not null check (kind in ('cashless_shops', 'flyers', 'help_session', 'home_visit', 'other', 'qr_labels', 'training')),
  day date not null,
  commune_code text not null references app.communes (code),
  people_helped integer not null default 0 check (people_helped between 0 and 1000),
  shops integer not null default 0 check (shops between 0 and 500),
  flyers integer not null default 0 check (flyers between 0 and 20000),
  participants integer not null default 0 check (participants between 0 and 2000),
  platforms text[] not null default '{}' check (
    cardinality(platforms) <= 7
    and platforms <@ array['vneid', 'vssid', 'etax', 'dichvucong', 'smart-quang-ninh', 'thanh-toan-an-toan', 'other']
  ),
  note text check (char_length(note) between 1 and 300),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (people_helped + shops + flyers + participants > 0)
);
comment on table app.outreach_entries is 'Outreach log: field work of a team (kind, counts, commune, day, platforms, short note). No personal data of citizens or shop owners. Never readable by the API roles.';
comment on column app.outreach_entries.team_id is 'Team of the member when the entry was written; decides who may read it.';
comment on column app.outreach_entries.member_id is 'Member who wrote the entry; only they may edit or delete it, for outreach.edit_days days.';
comment on column app.outreach_entries.kind is 'home_visit (hỗ trợ tại nhà), help_session (buổi hỗ trợ), training (tập huấn), cashless_shops (hỗ trợ cửa hàng thanh toán không dùng tiền mặt), qr_labels (dán mã QR/nhãn), flyers (phát tờ rơi), other (khác).';
comment on column app.outreach_entries.day is 'Day the work was done (Vietnam time): not in the future, at most outreach.max_age_days back when written.';
comment on column app.outreach_entries.commune_code is 'Commune where the work was done.';
comment on column app.outreach_entries.people_helped is 'People helped directly.';
comment on column app.outreach_entries.shops is 'Shops supported (cashless payment, QR codes).';
comment on column app.outreach_entries.flyers is 'Flyers handed out.';
comment on column app.outreach_entries.participants is 'People who attended a training or session.';
comment on column app.outreach_entries.platforms is 'Platforms the work was about (platform ids, or other).';
comment on column app.outreach_entries.note is 'Short note about the work (up to 300 characters); must hold no personal data, phone numbers are refused.';
comment on column app.outreach_entries.is_demo is 'Demo data from supabase/seed.sql.';
-- A member's own list, a team's list, the statistics by day, and the foreign keys.
create index outreach_entries_member_id_idx on app.outreach_entries (member_id, created_at desc);
create index outreach_entries_team_id_idx on app.outreach_entries (team_id, day desc);
create index outreach_entries_day_idx on app.outreach_entries (day);
create index outreach_entries_commune_code_idx on app.outreach_entries (commune_code);
alter table app.outreach_entries enable row level security;

/* The audit trail of the outreach log: who created, changed or deleted which entry, with the
   counts before and after. Entries may be deleted, so entry_id is not a foreign key. The note's
   text is never copied here. */
create table app.outreach_events (
  id bigint generated always as identity primary key,
  entry_id bigint not null,
  created_at timestamptz not null default now(),
  kind text not null check (kind in ('created', 'deleted', 'updated')),
  team_id bigint not null references app.teams (id),
  actor text not null check (actor in ('team', 'admin')),
  actor_member_id bigint not null references app.members (id),
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object')
);
comment on table app.outreach_events is 'Audit trail of the outreach log: every creation, change and deletion of an entry, with the acting member and the entry''s fields before and after (never the note''s text).';
comment on column app.outreach_events.entry_id is 'The entry concerned (not a foreign key: deleted entries keep their events).';
comment on column app.outreach_events.kind is 'created, updated or deleted.';
comment on column app.outreach_events.team_id is 'Team of the entry.';
comment on column app.outreach_events.actor is 'team (a member or leader) or admin.';
comment on column app.outreach_events.actor_member_id is 'Member who acted.';
comment on column app.outreach_events.detail is '{"before": {...}, "after": {...}}: kind, day, commune, counts, platforms and whether there is a note.';
create index outreach_events_entry_id_idx on app.outreach_events (entry_id, created_at);
create index outreach_events_team_id_idx on app.outreach_events (team_id);
create index outreach_events_actor_member_id_idx on app.outreach_events (actor_member_id);
alter table app.outreach_events enable row level security;

/* An entry as the workspace shows it: the author's name only (teammates see each other's names
   already), whether the caller may still edit it, and until when. */
create function app.outreach_entry_json(e app.outreach_entries, me app.members)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  edit_until timestamptz := e.created_at + make_interval(days => coalesce((app.setting('outreach.edit_days') #>> '{}')::integer, 7));
begin
  return jsonb_build_object(
    'id', e.id, 'team_id', e.team_id, 'kind', e.kind, 'day', e.day,
    'commune_code', e.commune_code, 'commune_name', (select c.name from app.communes c where c.code = e.commune_code),
    'people_helped', e.people_helped, 'shops', e.shops, 'flyers', e.flyers, 'participants', e.participants,
    'platforms', to_jsonb(e.platforms), 'note', e.note,
    'member_id', e.member_id,
    'member_name', (select coalesce(m.name, split_part(m.email, '@', 1)) from app.members m where m.id = e.member_id),
    'mine', e.member_id = me.id,
    'editable', e.member_id = me.id and now() < edit_until,
    'editable_until', edit_until,
    'created_at', e.created_at
  );
end
$$;
comment on function app.outreach_entry_json(app.outreach_entries, app.members) is 'An outreach entry for the workspace: its fields, the author''s name, mine, editable (own and within outreach.edit_days), editable_until.';

/* Checks an entry as sent by the form (a JSON object) and returns its clean fields; raises one
   stable code per problem, in the order of the form's fields: kind_invalid, count_invalid (not a
   whole number, negative or over the maximum), counts_required (all zero), commune_unknown,
   day_invalid, day_future, day_too_old, platforms_invalid, note_invalid (too long, control
   characters), note_has_phone. */
create function app.check_outreach_entry(entry jsonb, me app.members)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  today date := (now() at time zone 'Asia/Ho_Chi_Minh')::date;
  max_age integer := coalesce((app.setting('outreach.max_age_days') #>> '{}')::integer, 60);
  maxima jsonb := '{"people_helped": 1000, "shops": 500, "flyers": 20000, "participants": 2000}';
  counts jsonb := '{}'::jsonb;
  field text;
  raw jsonb;
  v_day date;
  v_commune text;
  v_platforms text[];
  v_note text;
begin
  if entry is null or jsonb_typeof(entry) <> 'object' then
    perform app.raise_code('entry_invalid');
  end if;
  if jsonb_typeof(entry -> 'kind') is distinct from 'string'
    or entry ->> 'kind' not in ('cashless_shops', 'flyers', 'help_session', 'home_visit', 'other', 'qr_labels', 'training') then
    perform app.raise_code('kind_invalid');
  end if;

  foreach field in array array['people_helped', 'shops', 'flyers', 'participants'] loop
    raw := entry -> field;
    if raw is null or jsonb_typeof(raw) = 'null' or raw = '""'::jsonb then
      counts := counts || jsonb_build_object(field, 0);
    elsif (jsonb_typeof(raw) = 'number' and raw::text ~ '^[0-9]{1,6}$')
      or (jsonb_typeof(raw) = 'string' and raw #>> '{}' ~ '^\s*[0-9]{1,6}\s*$') then
      if btrim(raw #>> '{}')::integer > (maxima ->> field)::integer then
        perform app.raise_code('count_invalid');
      end if;
      counts := counts || jsonb_build_object(field, btrim(raw #>> '{}')::integer);
    else
      perform app.raise_code('count_invalid');
    end if;
  end loop;
  if (counts ->> 'people_helped')::integer + (counts ->> 'shops')::integer
    + (counts ->> 'flyers')::integer + (counts ->> 'participants')::integer = 0 then
    perform app.raise_code('counts_required');
  end if;

  v_commune := coalesce(nullif(btrim(entry ->> 'commune_code'), ''),
    (select t.commune_code from app.teams t where t.id = me.team_id));
  if jsonb_typeof(coalesce(entry -> 'commune_code', 'null'::jsonb)) not in ('string', 'null')
    or not exists (select 1 from app.communes c where c.code = v_commune) then
    perform app.raise_code('commune_unknown');
  end if;

  if jsonb_typeof(entry -> 'day') is distinct from 'string' or entry ->> 'day' !~ '^\d{4}-\d{2}-\d{2}$' then
    perform app.raise_code('day_invalid');
  end if;
  begin
    v_day := (entry ->> 'day')::date;
  exception when others then
    perform app.raise_code('day_invalid');
  end;
  if v_day > today then
    perform app.raise_code('day_future');
  end if;
  if v_day < today - max_age then
    perform app.raise_code('day_too_old');
  end if;

  if entry -> 'platforms' is null or jsonb_typeof(entry -> 'platforms') = 'null' then
    v_platforms := '{}';
  elsif jsonb_typeof(entry -> 'platforms') <> 'array' or jsonb_array_length(entry -> 'platforms') > 7
    or exists (
      select 1 from jsonb_array_elements(entry -> 'platforms') p
      where jsonb_typeof(p) <> 'string'
        or p #>> '{}' not in ('vneid', 'vssid', 'etax', 'dichvucong', 'smart-quang-ninh', 'thanh-toan-an-toan', 'other')
    ) then
    perform app.raise_code('platforms_invalid');
  else
    select coalesce(array_agg(distinct p), '{}') into v_platforms from jsonb_array_elements_text(entry -> 'platforms') p;
  end if;

  if jsonb_typeof(coalesce(entry -> 'note', 'null'::jsonb)) not in ('string', 'null') then
    perform app.raise_code('note_invalid');
  end if;
  v_note := nullif(app.clean_text(entry ->> 'note'), '');
  if v_note is not null and (
    char_length(v_note) > 300
    or v_note ~ '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'
  ) then
    perform app.raise_code('note_invalid');
  end if;
  -- Nine or more digits in a row, allowing spaces, dots, dashes and brackets between them (0912 345
  -- 678, +84.912.345.678): a phone number, which is personal data here.
  if regexp_replace(v_note, '([0-9])[ .()-]+(?=[0-9])', '\1', 'g') ~ '[0-9]{9,}' then
    perform app.raise_code('note_has_phone');
  end if;

  return counts || jsonb_build_object(
    'kind', entry ->> 'kind', 'day', v_day, 'commune_code', v_commune,
    'platforms', to_jsonb(v_platforms), 'note', v_note);
end
$$;
comment on function app.check_outreach_entry(jsonb, app.members) is 'Validates an outreach entry sent by the form; returns the clean fields or raises kind_invalid, count_invalid, counts_required, commune_unknown, day_invalid, day_future, day_too_old, platforms_invalid, note_invalid, note_has_phone (entry_invalid when not an object).';

/* The audit fields of an entry: everything but the note's text. */
create function app.outreach_audit_fields(e app.outreach_entries)
returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object('kind', e.kind, 'day', e.day, 'commune_code', e.commune_code,
    'people_helped', e.people_helped, 'shops', e.shops, 'flyers', e.flyers, 'participants', e.participants,
    'platforms', to_jsonb(e.platforms), 'has_note', e.note is not null)
$$;
comment on function app.outreach_audit_fields(app.outreach_entries) is 'An outreach entry''s fields for the audit trail, with has_note instead of the note''s text.';

/* One audit row of the outreach log. */
create function app.record_outreach_event(kind text, old_entry app.outreach_entries, new_entry app.outreach_entries, me app.members)
returns void
language sql volatile
set search_path = ''
as $$
  insert into app.outreach_events (entry_id, kind, team_id, actor, actor_member_id, detail)
  values (coalesce(new_entry.id, old_entry.id), record_outreach_event.kind, coalesce(new_entry.team_id, old_entry.team_id),
    case when me.role = 'admin' then 'admin' else 'team' end, me.id,
    jsonb_strip_nulls(jsonb_build_object(
      'before', case when old_entry.id is not null then app.outreach_audit_fields(old_entry) end,
      'after', case when new_entry.id is not null then app.outreach_audit_fields(new_entry) end)))
$$;
comment on function app.record_outreach_event(text, app.outreach_entries, app.outreach_entries, app.members) is 'Writes the audit row of a change to the outreach log (fields before and after, never the note).';

/* An entry the caller may change: their own, within outreach.edit_days; locked. Raises not_found
   (no such entry, or another team's: nothing is said about other teams' entries), not_yours
   (a teammate's), edit_closed (older than the edit window). */
create function app.lock_own_outreach_entry(entry_id bigint, me app.members)
returns app.outreach_entries
language plpgsql volatile
set search_path = ''
as $$
declare
  e app.outreach_entries;
begin
  select o.* into e from app.outreach_entries o where o.id = lock_own_outreach_entry.entry_id for update;
  if e.id is null or (me.role <> 'admin' and e.team_id is distinct from me.team_id) then
    perform app.raise_code('not_found');
  end if;
  if e.member_id <> me.id then
    perform app.raise_code('not_yours');
  end if;
  if now() >= e.created_at + make_interval(days => coalesce((app.setting('outreach.edit_days') #>> '{}')::integer, 7)) then
    perform app.raise_code('edit_closed');
  end if;
  return e;
end
$$;
comment on function app.lock_own_outreach_entry(bigint, app.members) is 'Locks the caller''s own outreach entry within the edit window; raises not_found, not_yours, edit_closed.';

-- ---------------------------------------------------------------------------------------------
-- RPCs

/* Security definer: writes an entry for the caller's team (entry_id null) or changes one of the
   caller's own within the edit window. Members and leaders of a team; admins on no team have no
   team to log for (no_team). Rate-limited per member; audited. */
create function public.save_outreach_entry(entry_id bigint default null, entry jsonb default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  clean jsonb;
  prior app.outreach_entries;
  saved app.outreach_entries;
begin
  perform app.require_post();
  me := app.require_member();
  if me.team_id is null then
    perform app.raise_code('no_team');
  end if;
  if app.rate_limit_reached('outreach.per_member', me.id::text) then
    perform app.raise_code('rate_limited');
  end if;
  if save_outreach_entry.entry_id is not null then
    prior := app.lock_own_outreach_entry(save_outreach_entry.entry_id, me);
  end if;
  clean := app.check_outreach_entry(save_outreach_entry.entry, me);

  if prior.id is null then
    insert into app.outreach_entries (team_id, member_id, kind, day, commune_code, people_helped, shops, flyers, participants, platforms, note)
    values (me.team_id, me.id, clean ->> 'kind', (clean ->> 'day')::date, clean ->> 'commune_code',
      (clean ->> 'people_helped')::integer, (clean ->> 'shops')::integer, (clean ->> 'flyers')::integer,
      (clean ->> 'participants')::integer, array(select jsonb_array_elements_text(clean -> 'platforms')), clean ->> 'note')
    returning * into saved;
    perform app.record_outreach_event('created', null, saved, me);
  else
    update app.outreach_entries o set
      kind = clean ->> 'kind', day = (clean ->> 'day')::date, commune_code = clean ->> 'commune_code',
      people_helped = (clean ->> 'people_helped')::integer, shops = (clean ->> 'shops')::integer,
      flyers = (clean ->> 'flyers')::integer, participants = (clean ->> 'participants')::integer,
      platforms = array(select jsonb_array_elements_text(clean -> 'platforms')), note = clean ->> 'note',
      updated_at = now()
    where o.id = prior.id
    returning * into saved;
    perform app.record_outreach_event('updated', prior, saved, me);
  end if;

  perform app.rate_limit_take('outreach.per_member', me.id::text);
  return app.outreach_entry_json(saved, me);
end
$$;
comment on function public.save_outreach_entry(bigint, jsonb) is 'Writes an outreach entry for the caller''s team (entry_id null) or changes the caller''s own within outreach.edit_days. entry: {kind, people_helped, shops, flyers, participants, commune_code (default the team''s), day (YYYY-MM-DD), platforms, note}. Returns the entry. Errors: not_member, no_team, rate_limited, not_found, not_yours, edit_closed, entry_invalid, kind_invalid, count_invalid, counts_required, commune_unknown, day_invalid, day_future, day_too_old, platforms_invalid, note_invalid, note_has_phone. POST only.';
grant execute on function public.save_outreach_entry(bigint, jsonb) to authenticated;

/* Security definer: deletes one of the caller's own entries within the edit window; audited,
   rate-limited like saving. */
create function public.delete_outreach_entry(entry_id bigint default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  prior app.outreach_entries;
begin
  perform app.require_post();
  me := app.require_member();
  if app.rate_limit_reached('outreach.per_member', me.id::text) then
    perform app.raise_code('rate_limited');
  end if;
  prior := app.lock_own_outreach_entry(delete_outreach_entry.entry_id, me);
  delete from app.outreach_entries o where o.id = prior.id;
  perform app.record_outreach_event('deleted', prior, null, me);
  perform app.rate_limit_take('outreach.per_member', me.id::text);
  return jsonb_build_object('deleted', true);
end
$$;
comment on function public.delete_outreach_entry(bigint) is 'Deletes the caller''s own outreach entry within outreach.edit_days. Returns {deleted: true}. Errors: not_member, rate_limited, not_found, not_yours, edit_closed. POST only.';
grant execute on function public.delete_outreach_entry(bigint) to authenticated;

/* Security definer: the entries the caller may read, newest day first. mine: the caller's own
   (everyone). Otherwise a team's: leaders their own team only, admins any team (team_id required);
   members asking for the team get forbidden. */
create function public.outreach_entries(mine boolean default true, team_id bigint default null, page_size integer default 50)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  scope_team bigint;
  size integer := least(greatest(coalesce(outreach_entries.page_size, 50), 1), 200);
begin
  perform app.require_post();
  me := app.require_member();
  if not coalesce(outreach_entries.mine, true) then
    if me.role = 'admin' then
      scope_team := outreach_entries.team_id;
    elsif me.role = 'leader' and (outreach_entries.team_id is null or outreach_entries.team_id = me.team_id) then
      scope_team := me.team_id;
    end if;
    if scope_team is null then
      perform app.raise_code('forbidden');
    end if;
  end if;
  return jsonb_build_object(
    'entries', coalesce((
      select jsonb_agg(app.outreach_entry_json(x, me) order by x.day desc, x.id desc)
      from (
        select o.* from app.outreach_entries o
        where case when scope_team is null then o.member_id = me.id else o.team_id = scope_team end
        order by o.day desc, o.id desc
        limit size
      ) x), '[]'::jsonb),
    'edit_days', coalesce((app.setting('outreach.edit_days') #>> '{}')::integer, 7),
    'max_age_days', coalesce((app.setting('outreach.max_age_days') #>> '{}')::integer, 60)
  );
end
$$;
comment on function public.outreach_entries(boolean, bigint, integer) is 'Outreach entries the caller may read, newest day first (page_size 1–200, default 50): mine = true their own; mine = false a team''s (leaders: their own team; admins: the team_id given). {entries: [{id, team_id, kind, day, commune_code, commune_name, people_helped, shops, flyers, participants, platforms, note, member_id, member_name, mine, editable, editable_until, created_at}], edit_days, max_age_days}. Errors: not_member, forbidden. POST only.';
grant execute on function public.outreach_entries(boolean, bigint, integer) to authenticated;

/* Security definer: the outreach figures the Youth Union reports upward, for admins: totals and
   the same counts by week (Monday), commune, team and kind, over a range of days (Vietnam time,
   default the last 90, at most 367). Counts only: no note, no member. */
create function public.outreach_statistics(from_day date default null, to_day date default null, team_id bigint default null)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  last_day date := coalesce(to_day, (now() at time zone 'Asia/Ho_Chi_Minh')::date);
  first_day date := coalesce(from_day, coalesce(to_day, (now() at time zone 'Asia/Ho_Chi_Minh')::date) - 89);
  result jsonb;
begin
  perform app.require_admin();
  if first_day > last_day or last_day - first_day > 366 then
    perform app.raise_code('range_invalid');
  end if;
  with r as (
    select o.* from app.outreach_entries o
    where o.day between first_day and last_day
      and (outreach_statistics.team_id is null or o.team_id = outreach_statistics.team_id)
  )
  select jsonb_build_object(
    'scope', jsonb_build_object('from', first_day, 'to', last_day, 'team_id', outreach_statistics.team_id,
      'team_name', (select t.name from app.teams t where t.id = outreach_statistics.team_id)),
    'total', (select jsonb_build_object('entries', count(*), 'people_helped', coalesce(sum(r.people_helped), 0),
      'shops', coalesce(sum(r.shops), 0), 'flyers', coalesce(sum(r.flyers), 0), 'participants', coalesce(sum(r.participants), 0)) from r),
    'by_week', (
      select jsonb_agg(jsonb_build_object('week', w.week::date,
        'entries', (select count(*) from r where date_trunc('week', r.day::timestamp) = w.week),
        'people_helped', (select coalesce(sum(r.people_helped), 0) from r where date_trunc('week', r.day::timestamp) = w.week),
        'shops', (select coalesce(sum(r.shops), 0) from r where date_trunc('week', r.day::timestamp) = w.week),
        'flyers', (select coalesce(sum(r.flyers), 0) from r where date_trunc('week', r.day::timestamp) = w.week),
        'participants', (select coalesce(sum(r.participants), 0) from r where date_trunc('week', r.day::timestamp) = w.week))
        order by w.week)
      from generate_series(date_trunc('week', first_day::timestamp), date_trunc('week', last_day::timestamp), interval '1 week') w(week)),
    'by_commune', coalesce((
      select jsonb_agg(jsonb_build_object('commune_code', x.commune_code, 'commune_name', c.name, 'entries', x.entries,
        'people_helped', x.people_helped, 'shops', x.shops, 'flyers', x.flyers, 'participants', x.participants)
        order by x.people_helped desc, c.name)
      from (select r.commune_code, count(*) as entries, sum(r.people_helped) as people_helped, sum(r.shops) as shops,
              sum(r.flyers) as flyers, sum(r.participants) as participants from r group by r.commune_code) x
      join app.communes c on c.code = x.commune_code), '[]'::jsonb),
    'by_team', coalesce((
      select jsonb_agg(jsonb_build_object('team_id', t.id, 'team_code', t.code, 'team_name', t.name, 'entries', x.entries,
        'people_helped', x.people_helped, 'shops', x.shops, 'flyers', x.flyers, 'participants', x.participants)
        order by x.people_helped desc, t.code)
      from (select r.team_id, count(*) as entries, sum(r.people_helped) as people_helped, sum(r.shops) as shops,
              sum(r.flyers) as flyers, sum(r.participants) as participants from r group by r.team_id) x
      join app.teams t on t.id = x.team_id), '[]'::jsonb),
    'by_kind', coalesce((
      select jsonb_agg(jsonb_build_object('kind', x.kind, 'entries', x.entries,
        'people_helped', x.people_helped, 'shops', x.shops, 'flyers', x.flyers, 'participants', x.participants)
        order by x.entries desc, x.kind)
      from (select r.kind, count(*) as entries, sum(r.people_helped) as people_helped, sum(r.shops) as shops,
              sum(r.flyers) as flyers, sum(r.participants) as participants from r group by r.kind) x), '[]'::jsonb)
  ) into result;
  return result;
end
$$;
comment on function public.outreach_statistics(date, date, bigint) is 'Outreach log figures for admins between from_day and to_day (Vietnam days; default the last 90; at most 367), province-wide or one team: total, by_week (Mondays), by_commune, by_team, by_kind, each {entries, people_helped, shops, flyers, participants}. Counts only. Errors: forbidden, range_invalid.';
grant execute on function public.outreach_statistics(date, date, bigint) to authenticated;

/* The home page's province totals: people helped and shops supported, all time. Two sums, never a
   row. Security definer because anon has no privileges on schema app. */
create function public.outreach_totals()
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object('people_helped', coalesce(sum(o.people_helped), 0), 'shops', coalesce(sum(o.shops), 0))
    from app.outreach_entries o
  );
end
$$;
comment on function public.outreach_totals() is 'Province totals of the outreach log for the home page: {people_helped, shops}. Sums only, no personal data.';
grant execute on function public.outreach_totals() to anon, authenticated;
