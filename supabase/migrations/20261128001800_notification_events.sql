-- Notification events: which outbox rows each event of a help request writes, in the event's own
-- transaction.
--
-- A trigger on the audit trail (app.request_events) turns each event into messages, so every code
-- path that records an event (booking, routing, escalation, hand-over, accept, close, cancel, admin
-- re-routing) notifies the same way without knowing about notifications:
--   received                 → the citizen, when they chose messages: code, verification word, team
--   assigned / handed_over   → every member of the new team (push to each device; email if chosen):
--                              a new request, with commune and needs (escalation records its move as
--                              an assigned event first, so a moved request reaches the next team too)
--   accepted                 → the team's other members; the citizen
--   closed                   → the team's other members; the citizen
--   cancelled                → the team's members (nothing to a citizen who cancelled themselves)
-- and the scheduled jobs (app.run_notification_jobs(), called by app.run_scheduled_jobs()) add:
--   escalation warning       → the team's leaders, notifications.escalation_warning_minutes before an
--                              unaccepted request leaves the team
--   contact reminder         → the member who accepted, when no call or note was recorded within
--                              notifications.contact_reminder_minutes of accepting
--   daily pool summary       → admins, once a day from notifications.daily_summary_hour (Vietnam
--                              time), when requests wait in the province pool
-- Members in their quiet hours get push without sound (silent) and email after the quiet hours.
-- One message per event, recipient and channel (the dedupe key), so writing twice sends once.
-- Push and email parameters never hold the citizen's name, phone or address; the citizen's messages
-- hold the reference code, verification word and the team's public name and phone.
--
-- Objects: settings notifications.escalation_warning_minutes, notifications.contact_reminder_minutes,
--          notifications.daily_summary_hour; app.quiet_hours_end(), app.request_notice_params(),
--          app.enqueue_member_notices(), app.enqueue_citizen_notice(), app.notify_request_event()
--          (trigger request_events_notify), app.run_notification_jobs().

insert into app.settings (key, value, description) values
  ('notifications.escalation_warning_minutes', '60',
   'Minutes before the escalation job moves an unaccepted request that the team''s leaders are warned.'),
  ('notifications.contact_reminder_minutes', '120',
   'Minutes after accepting a request without any recorded call or note before the member is reminded.'),
  ('notifications.daily_summary_hour', '7',
   'Hour (Vietnam time, 0–23) from which admins get the day''s summary of the province pool.');

/* The end of a member's quiet hours from now: the next quiet_to, Vietnam time. */
create function app.quiet_hours_end(quiet_to time)
returns timestamptz
language plpgsql stable
set search_path = ''
as $$
declare
  local_now timestamp := now() at time zone 'Asia/Ho_Chi_Minh';
  candidate timestamp := date_trunc('day', local_now) + quiet_to;
begin
  if candidate <= local_now then
    candidate := candidate + interval '1 day';
  end if;
  return candidate at time zone 'Asia/Ho_Chi_Minh';
end
$$;
comment on function app.quiet_hours_end(time) is 'The next moment quiet_to is reached, Vietnam time (email held during quiet hours is due then).';

/* What a team's notice says about a request: team, commune, needs and where to open it in /doi/.
   No personal data. */
create function app.request_notice_params(request_id bigint, team_id bigint)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  return (
    select jsonb_build_object(
      'request_id', h.id,
      'team_name', t.name,
      'commune_name', c.name,
      'needs', to_jsonb(h.needs),
      'url', '/doi/?yeu-cau=' || h.id)
    from app.help_requests h
    join app.communes c on c.code = h.commune_code
    left join app.teams t on t.id = request_notice_params.team_id
    where h.id = request_notice_params.request_id
  );
end
$$;
comment on function app.request_notice_params(bigint, bigint) is 'Parameters of a team notice: {request_id, team_name, commune_name, needs, url}. No personal data.';

/* Writes one push per device and, for members who chose it, one email, to the current members of a
   team (or to admins when team_id is null and roles is {admin}), optionally only some roles and
   without one member (the one who acted). Quiet hours: silent push, email when they end. */
create function app.enqueue_member_notices(
  team_id bigint,
  template text,
  params jsonb,
  key_prefix text,
  request_id bigint default null,
  roles text[] default null,
  except_member_id bigint default null,
  only_member_id bigint default null
)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  insert into app.notification_outbox (channel, template, params, silent, dedupe_key, request_id, member_id, subscription_id, next_attempt_at)
  select x.channel, enqueue_member_notices.template, enqueue_member_notices.params,
         x.quiet and x.channel = 'push', x.dedupe_key, enqueue_member_notices.request_id, x.member_id, x.subscription_id,
         case when x.quiet and x.channel = 'email' then app.quiet_hours_end(x.quiet_to) else now() end
  from (
    select 'push' as channel, m.id as member_id, p.id as subscription_id,
           key_prefix || ':push:' || p.id as dedupe_key,
           app.in_quiet_hours(s.quiet_from, s.quiet_to) as quiet, s.quiet_to
    from app.members m
    join app.push_subscriptions p on p.member_id = m.id
    left join app.member_notification_settings s on s.member_id = m.id
    where m.removed_at is null
      and (m.team_id = enqueue_member_notices.team_id
        or (enqueue_member_notices.team_id is null and m.role = 'admin'))
      and (roles is null or m.role = any (roles))
      and m.id is distinct from except_member_id
      and (only_member_id is null or m.id = only_member_id)
    union all
    select 'email', m.id, null::uuid, key_prefix || ':email:' || m.id,
           app.in_quiet_hours(s.quiet_from, s.quiet_to), s.quiet_to
    from app.members m
    join app.member_notification_settings s on s.member_id = m.id and s.email_enabled
    where m.removed_at is null
      and (m.team_id = enqueue_member_notices.team_id
        or (enqueue_member_notices.team_id is null and m.role = 'admin'))
      and (roles is null or m.role = any (roles))
      and m.id is distinct from except_member_id
      and (only_member_id is null or m.id = only_member_id)
  ) x
  on conflict (dedupe_key) do nothing;
end
$$;
comment on function app.enqueue_member_notices(bigint, text, jsonb, text, bigint, text[], bigint, bigint) is 'Writes a notice for the members of a team (or admins): one push per device, one email for those who chose it; silent push and held email in quiet hours; dedupe keys <prefix>:push:<device>, <prefix>:email:<member>.';

/* Writes the citizen's SMS or Zalo message when they chose messages and a contact phone is still
   stored: the reference code, the verification word, the team's public name and phone. */
create function app.enqueue_citizen_notice(request_id bigint, template text, key_prefix text, extra jsonb default '{}'::jsonb)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  insert into app.notification_outbox (channel, template, params, dedupe_key, request_id, to_phone)
  select h.message_channel, enqueue_citizen_notice.template,
         jsonb_build_object('reference_code', h.reference_code, 'verification_word', h.verification_word,
           'team_name', t.name, 'team_phone', t.public_phone) || extra,
         key_prefix || ':' || h.message_channel, h.id, coalesce(h.helper_phone, h.citizen_phone)
  from app.help_requests h
  left join app.teams t on t.id = h.team_id
  where h.id = enqueue_citizen_notice.request_id
    and h.message_channel is not null
    and h.personal_data_erased_at is null
    and coalesce(h.helper_phone, h.citizen_phone) is not null
  on conflict (dedupe_key) do nothing;
end
$$;
comment on function app.enqueue_citizen_notice(bigint, text, text, jsonb) is 'Writes the citizen''s SMS/Zalo message (template) when they chose messages: {reference_code, verification_word, team_name, team_phone} plus extra. Dedupe key <prefix>:<channel>.';

/* AFTER INSERT trigger on app.request_events: the messages of one event (see the header). Runs in
   the event's transaction, so a rolled-back event sends nothing. */
create function app.notify_request_event()
returns trigger
language plpgsql volatile
set search_path = ''
as $$
declare
  key text := 'ev:' || new.id;
begin
  case new.kind
    when 'received' then
      perform app.enqueue_citizen_notice(new.request_id, 'citizen_booked', key);
    when 'assigned', 'handed_over' then
      perform app.enqueue_member_notices(new.team_id, 'team_new_request',
        app.request_notice_params(new.request_id, new.team_id)
          || jsonb_build_object('handed_over', new.kind = 'handed_over'),
        key, new.request_id);
    when 'accepted' then
      perform app.enqueue_member_notices(new.team_id, 'team_accepted',
        app.request_notice_params(new.request_id, new.team_id), key, new.request_id, null, new.actor_member_id);
      perform app.enqueue_citizen_notice(new.request_id, 'citizen_accepted', key);
    when 'closed' then
      perform app.enqueue_member_notices(new.team_id, 'team_closed',
        app.request_notice_params(new.request_id, new.team_id) || jsonb_build_object('outcome', new.reason),
        key, new.request_id, null, new.actor_member_id);
      perform app.enqueue_citizen_notice(new.request_id, 'citizen_closed', key,
        jsonb_build_object('outcome', new.reason));
    when 'cancelled' then
      if new.team_id is not null then
        perform app.enqueue_member_notices(new.team_id, 'team_cancelled',
          app.request_notice_params(new.request_id, new.team_id), key, new.request_id);
      end if;
    else
      null;
  end case;
  return null;
end
$$;
comment on function app.notify_request_event() is 'Trigger: writes the outbox rows of a request event (citizen confirmation, team notices, acceptance, closing, cancellation) in the event''s transaction.';

-- Only the kinds that notify fire the function at all (bookings pay for two of them).
create trigger request_events_notify
  after insert on app.request_events
  for each row
  when (new.kind in ('received', 'assigned', 'handed_over', 'accepted', 'closed', 'cancelled'))
  execute function app.notify_request_event();

/* The periodic notices: escalation warnings to leaders, contact reminders, the daily pool summary to
   admins. Each is written once (dedupe keys per request and assignment, acceptance or day).
   Called by app.run_scheduled_jobs() every minute. Returns how many requests each touched. */
create function app.run_notification_jobs()
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  warn_before interval := make_interval(mins => greatest(coalesce((app.setting('notifications.escalation_warning_minutes') #>> '{}')::integer, 60), 1));
  remind_after interval := make_interval(mins => greatest(coalesce((app.setting('notifications.contact_reminder_minutes') #>> '{}')::integer, 120), 1));
  summary_hour integer := coalesce((app.setting('notifications.daily_summary_hour') #>> '{}')::integer, 7);
  accept_within interval := app.accept_within();
  local_now timestamp := now() at time zone 'Asia/Ho_Chi_Minh';
  day_key text := 'pool:' || to_char(local_now, 'YYYY-MM-DD');
  r record;
  warned integer := 0;
  reminded integer := 0;
  pool_count integer;
  summary boolean := false;
begin
  -- Escalation warnings: assigned, not accepted, within warn_before of the deadline.
  for r in
    select h.id, h.team_id, h.assigned_at
    from app.help_requests h
    where h.status = 'assigned'
      and h.assigned_at <= now() - accept_within + warn_before
      and h.assigned_at > now() - accept_within
  loop
    perform app.enqueue_member_notices(r.team_id, 'leader_escalation_warning',
      app.request_notice_params(r.id, r.team_id)
        || jsonb_build_object('moves_at', r.assigned_at + accept_within),
      'warn:' || r.id || ':' || extract(epoch from r.assigned_at)::bigint, r.id, array['leader']);
    warned := warned + 1;
  end loop;

  -- Contact reminders: accepted (in the last week), no call or note recorded since.
  for r in
    select h.id, h.team_id, h.accepted_by, h.accepted_at
    from app.help_requests h
    where h.status = 'accepted'
      and h.accepted_by is not null
      and h.accepted_at <= now() - remind_after
      and h.accepted_at > now() - interval '7 days'
      and h.contact_attempts = 0
      and not exists (
        select 1 from app.request_events e
        where e.request_id = h.id and e.kind in ('contact_attempt', 'noted') and e.created_at >= h.accepted_at)
  loop
    perform app.enqueue_member_notices(r.team_id, 'member_contact_reminder',
      app.request_notice_params(r.id, r.team_id),
      'remind:' || r.id || ':' || extract(epoch from r.accepted_at)::bigint, r.id, null, null, r.accepted_by);
    reminded := reminded + 1;
  end loop;

  -- The daily summary of the province pool, once a day from the set hour, when it is not empty.
  if extract(hour from local_now) >= summary_hour
    and not exists (select 1 from app.notification_outbox o
                    where o.dedupe_key >= day_key || ':' and o.dedupe_key < day_key || ';') then
    select count(*) into pool_count from app.help_requests h where h.status = 'unassigned';
    if pool_count > 0 then
      perform app.enqueue_member_notices(null, 'admin_pool_summary',
        jsonb_build_object('count', pool_count, 'day', to_char(local_now, 'YYYY-MM-DD'),
          'oldest_hours', (select floor(extract(epoch from now() - min(h.created_at)) / 3600)::integer
                           from app.help_requests h where h.status = 'unassigned'),
          'url', '/quan-tri/'),
        day_key, null, array['admin']);
      summary := true;
    end if;
  end if;

  return jsonb_build_object('warned', warned, 'reminded', reminded, 'pool_summary', summary,
    'purged', app.purge_notification_outbox());
end
$$;
comment on function app.run_notification_jobs() is 'Periodic notices: escalation warnings to leaders, contact reminders to the accepting member, the daily province-pool summary to admins; then the outbox purge. Returns {warned, reminded, pool_summary, purged}.';
