-- Guide confirmations: volunteers who have just followed a guide in the real app say so.
--
-- A member of a team records, from /doi/, the guide, the app and its version, the phone's system,
-- and either "các bước vẫn đúng" (steps_ok) or which step differs and what the screen showed (a
-- report). No personal data: the text is masked like guide feedback (phone numbers, emails), and
-- the guide page learns only the date, app, version and team name of the latest confirmation and
-- whether a report is open. Admins work through a review queue per guide (open reports first,
-- then guides never confirmed, then the oldest confirmations) and mark reports handled; each row
-- keeps who recorded it and who handled it, when (the audit trail of this concern).
--
-- Objects: app.guide_confirmations (+ setting rate_limit.guide_confirmation.per_member),
-- public.record_guide_confirmation(), public.guide_confirmation_stamp(),
-- public.admin_guide_review_queue(), public.admin_handle_guide_report().

insert into app.settings (key, value, description) values
  ('rate_limit.guide_confirmation.per_member', '{"max": 30, "window_seconds": 86400}',
   'Guide confirmations and reports one member may record in a fixed window ({max, window_seconds}).');

/* One confirmation or report of a guide by a member. Never readable by the API roles: the guide
   page reads app.guide_confirmation_stamp(), admins the queue. */
create table app.guide_confirmations (
  id bigint generated always as identity primary key,
  guide_code text not null check (guide_code ~ '^[a-z0-9]{2,8}$'),
  member_id bigint not null references app.members (id),
  -- The member's team when they recorded it (null for an admin on no team); its name is shown.
  team_id bigint references app.teams (id),
  app_name text not null check (char_length(app_name) between 2 and 40),
  app_version text not null check (app_version ~ '^[0-9]{1,4}(\.[0-9]{1,4}){0,3}$'),
  phone_system text not null check (phone_system in ('android', 'ios')),
  -- true: "các bước vẫn đúng"; false: a report of a step that differs.
  steps_ok boolean not null,
  step_number integer check (step_number between 1 and 50),
  screen_note text check (char_length(screen_note) between 5 and 500),
  created_at timestamptz not null default now(),
  handled_at timestamptz,
  handled_by bigint references app.members (id),
  handled_note text check (char_length(handled_note) <= 500),
  check (steps_ok = (screen_note is null)),
  check (steps_ok or step_number is not null),
  check (not steps_ok or (step_number is null and handled_at is null)),
  check ((handled_at is null) = (handled_by is null))
);
comment on table app.guide_confirmations is 'Volunteers'' confirmations that a guide''s steps still match the real app, and reports of a step that differs (handled by admins). No personal data (text masked).';
comment on column app.guide_confirmations.screen_note is 'What the screen showed at the step that differs; phone numbers and emails masked before storing.';
-- The stamp: the latest confirmation of a guide; the queue: open reports.
create index guide_confirmations_guide_idx on app.guide_confirmations (guide_code, created_at desc);
create index guide_confirmations_open_idx on app.guide_confirmations (guide_code) where not steps_ok and handled_at is null;
create index guide_confirmations_member_id_idx on app.guide_confirmations (member_id);
create index guide_confirmations_team_id_idx on app.guide_confirmations (team_id);
create index guide_confirmations_handled_by_idx on app.guide_confirmations (handled_by);
alter table app.guide_confirmations enable row level security;

/* Security definer: members may not write app tables. Validates every field, masks the text,
   refuses unknown guide codes (app.is_known_guide_code, guide feedback migration) and rate-limits
   per member. */
create function public.record_guide_confirmation(
  guide_code text default null,
  app_name text default null,
  app_version text default null,
  phone_system text default null,
  steps_ok boolean default null,
  step_number integer default null,
  screen_note text default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  name text := app.clean_line(app_name);
  version text := app.clean_line(app_version);
  note text := nullif(app.clean_text(screen_note), '');
  saved app.guide_confirmations;
begin
  perform app.require_post();
  me := app.require_member();
  if not app.is_known_guide_code(guide_code) then
    perform app.raise_code('guide_invalid');
  end if;
  if name is null or char_length(name) not between 2 and 40 or name ~ '[[:cntrl:]]' then
    perform app.raise_code('app_invalid');
  end if;
  if version is null or version !~ '^[0-9]{1,4}(\.[0-9]{1,4}){0,3}$' then
    perform app.raise_code('version_invalid');
  end if;
  if phone_system is null or phone_system not in ('android', 'ios') then
    perform app.raise_code('system_invalid');
  end if;
  if steps_ok is null then
    perform app.raise_code('result_required');
  end if;
  if steps_ok then
    step_number := null;
    note := null;
  else
    if step_number is null or step_number not between 1 and 50 then
      perform app.raise_code('step_invalid');
    end if;
    if note is null or char_length(note) < 5 then
      perform app.raise_code('note_required');
    end if;
    if char_length(note) > 500 or note ~ '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]' then
      perform app.raise_code('note_invalid');
    end if;
    -- No personal data: mask what looks like an email address or a phone number.
    note := regexp_replace(note, '[^\s@]+@[^\s@]+', '[email]', 'g');
    note := regexp_replace(note, '(\+?\d[\d .-]{7,}\d)', '[số điện thoại]', 'g');
  end if;
  if not app.rate_limit_take('guide_confirmation.per_member', me.id::text) then
    perform app.raise_code('rate_limited');
  end if;
  insert into app.guide_confirmations (guide_code, member_id, team_id, app_name, app_version, phone_system, steps_ok, step_number, screen_note)
  values (guide_code, me.id, me.team_id, name, version, phone_system, steps_ok, step_number, note)
  returning * into saved;
  return jsonb_build_object('id', saved.id, 'guide_code', saved.guide_code, 'steps_ok', saved.steps_ok, 'created_at', saved.created_at);
end
$$;
comment on function public.record_guide_confirmation(text, text, text, text, boolean, integer, text) is
  'A member records that they followed a guide in the real app: steps_ok, or the step that differs and what the screen showed (masked). {id, guide_code, steps_ok, created_at}. Errors: not_member, guide_invalid, app_invalid, version_invalid, system_invalid, result_required, step_invalid, note_required, note_invalid, rate_limited. POST only.';
grant execute on function public.record_guide_confirmation(text, text, text, text, boolean, integer, text) to authenticated;

/* Security definer, stable (a GET the guide page's script may cache): only what the page prints,
   the latest confirmation's date (Vietnam time), app, version and team name, and whether a report
   of the guide is open. Nothing about the member. Unknown codes answer guide_invalid. */
create function public.guide_confirmation_stamp(guide_code text default null)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  latest record;
begin
  if not app.is_known_guide_code(guide_code) then
    perform app.raise_code('guide_invalid');
  end if;
  select (c.created_at at time zone 'Asia/Ho_Chi_Minh')::date as confirmed_on, c.app_name, c.app_version, t.name as team_name
  into latest
  from app.guide_confirmations c left join app.teams t on t.id = c.team_id
  where c.guide_code = guide_confirmation_stamp.guide_code and c.steps_ok
  order by c.created_at desc, c.id desc
  limit 1;
  return jsonb_build_object(
    'guide_code', guide_code,
    'confirmed_on', latest.confirmed_on,
    'app_name', latest.app_name,
    'app_version', latest.app_version,
    'team_name', latest.team_name,
    'open_report', exists (
      select 1 from app.guide_confirmations c
      where c.guide_code = guide_confirmation_stamp.guide_code and not c.steps_ok and c.handled_at is null
    )
  );
end
$$;
comment on function public.guide_confirmation_stamp(text) is
  'For the guide page: {guide_code, confirmed_on (date, Vietnam time) | null, app_name, app_version, team_name, open_report}. Only the latest "các bước vẫn đúng" confirmation; nothing about the member. Errors: guide_invalid.';
grant execute on function public.guide_confirmation_stamp(text) to anon, authenticated;

/* Security definer: the admin review queue, one row per guide (every published guide, plus any
   retired code that still has an open report): open reports first (oldest report first), then
   guides never confirmed, then the oldest latest confirmation first. */
create function public.admin_guide_review_queue()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_post();
  perform app.require_admin();
  return coalesce((
    with codes as (
      select g.code from app.guide_codes g
      union
      select c.guide_code from app.guide_confirmations c where not c.steps_ok and c.handled_at is null
    ),
    per_guide as (
      select codes.code,
        (select max(c.created_at) from app.guide_confirmations c where c.guide_code = codes.code and c.steps_ok) as last_confirmed_at,
        (select count(*) from app.guide_confirmations c where c.guide_code = codes.code and c.steps_ok) as confirmations,
        (select min(c.created_at) from app.guide_confirmations c
          where c.guide_code = codes.code and not c.steps_ok and c.handled_at is null) as oldest_open_report,
        (select jsonb_agg(jsonb_build_object(
            'id', c.id, 'created_at', c.created_at, 'team_name', t.name, 'app_name', c.app_name,
            'app_version', c.app_version, 'phone_system', c.phone_system, 'step_number', c.step_number,
            'screen_note', c.screen_note) order by c.created_at)
          from app.guide_confirmations c left join app.teams t on t.id = c.team_id
          where c.guide_code = codes.code and not c.steps_ok and c.handled_at is null) as open_reports
      from codes
    )
    select jsonb_agg(jsonb_build_object(
        'guide_code', p.code, 'last_confirmed_at', p.last_confirmed_at, 'confirmations', p.confirmations,
        'open_reports', coalesce(p.open_reports, '[]'::jsonb))
      order by p.oldest_open_report is null, p.oldest_open_report, p.last_confirmed_at is not null,
        p.last_confirmed_at, p.code)
    from per_guide p
  ), '[]'::jsonb);
end
$$;
comment on function public.admin_guide_review_queue() is
  'Admins: every guide with [{guide_code, last_confirmed_at | null, confirmations, open_reports [{id, created_at, team_name, app_name, app_version, phone_system, step_number, screen_note}]}], open reports first, then never confirmed, then oldest confirmation. Errors: forbidden, not_member. POST only.';
grant execute on function public.admin_guide_review_queue() to authenticated;

/* Security definer: an admin marks a report handled (the guide was fixed, or the report was
   wrong), with an optional note; who and when are kept. */
create function public.admin_handle_guide_report(report_id bigint default null, note text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  cleaned text := nullif(app.clean_text(note), '');
  saved app.guide_confirmations;
begin
  perform app.require_post();
  perform app.require_admin();
  me := app.require_member();
  if char_length(cleaned) > 500 then
    perform app.raise_code('note_invalid');
  end if;
  select c.* into saved from app.guide_confirmations c
  where c.id = admin_handle_guide_report.report_id and not c.steps_ok
  for update;
  if saved.id is null then
    perform app.raise_code('not_found');
  end if;
  if saved.handled_at is not null then
    perform app.raise_code('already_handled');
  end if;
  update app.guide_confirmations c
  set handled_at = now(), handled_by = me.id, handled_note = cleaned
  where c.id = saved.id
  returning * into saved;
  return jsonb_build_object('id', saved.id, 'guide_code', saved.guide_code, 'handled_at', saved.handled_at);
end
$$;
comment on function public.admin_handle_guide_report(bigint, text) is
  'Admins: marks an open report handled, with an optional note (who and when are kept). {id, guide_code, handled_at}. Errors: forbidden, not_member, not_found, already_handled, note_invalid. POST only.';
grant execute on function public.admin_handle_guide_report(bigint, text) to authenticated;
