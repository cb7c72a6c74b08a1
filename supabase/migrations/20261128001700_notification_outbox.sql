-- Notifications: the transactional outbox, and what members choose about being notified.
--
-- Work that must leave the database (Web Push to volunteers' phones, email, SMS or Zalo ZNS to
-- citizens) is written as a row of app.notification_outbox in the same transaction as the event
-- that causes it (notification events migration), so a message exists exactly when its event
-- committed. The Edge Function supabase/functions/notify drains the outbox: it claims a batch
-- (public.notification_claim: rows locked with skip locked and leased, so two workers never take the
-- same row), sends each through its channel's adapter and reports the results
-- (public.notification_report): sent, retry later (exponential backoff with jitter), or dead after
-- notifications.max_attempts attempts, with the reason (listed for admins by
-- public.admin_dead_notifications). A row is claimed again only when its lease ran out without a
-- report (a crashed worker): delivery is at least once, exactly once while workers finish within
-- the lease. The delivery RPCs are executable by service_role only.
--
-- A row holds no more personal data than its channel needs: the phone number of an SMS/Zalo
-- message (column to_phone, commented PERSONAL DATA, so the retention job and a citizen's erasure
-- clear it with the request); push and email rows name the subscription or the member, whose
-- endpoint or address is read when the message is claimed; the phone is cleared once the message
-- is finished. A citizen message whose phone was erased
-- before it was sent is not sent (cancelled, reason request_erased). Rows are deleted
-- notifications.keep_days days after they were sent or given up (app.purge_notification_outbox,
-- run by the scheduled jobs).
--
-- Members: one push subscription per device (upsert by endpoint), email on or off, quiet hours
-- (Vietnam time) during which push is silent and email waits until the quiet hours end.
--
-- Objects: app.push_subscriptions, app.member_notification_settings, app.notification_outbox,
--          settings notifications.*, app.in_quiet_hours(), app.notification_backoff(),
--          app.purge_notification_outbox(), app.notification_settings_json(),
--          public.push_public_key(), public.save_push_subscription(),
--          public.delete_push_subscription(), public.my_notification_settings(),
--          public.save_notification_settings(), public.notification_claim(),
--          public.notification_report(), public.admin_dead_notifications().

insert into app.settings (key, value, description) values
  ('notifications.push_public_key', 'null',
   'VAPID public key (base64url) the browsers subscribe with; the private key is a secret of the notify Edge Function (VAPID_PRIVATE_KEY), never stored here. The local stack writes its own at start.'),
  ('notifications.max_attempts', '6',
   'Attempts to deliver one message before it is marked dead (listed for admins with the last error).'),
  ('notifications.retry_base_seconds', '30',
   'First retry delay in seconds; doubles with each attempt, with random jitter (0.5–1.5 ×), capped by notifications.retry_max_seconds.'),
  ('notifications.retry_max_seconds', '3600',
   'Longest delay between two attempts, in seconds.'),
  ('notifications.lease_seconds', '120',
   'How long a claimed message stays reserved for the worker that claimed it; unreported after that, it is claimed again.'),
  ('notifications.keep_days', '30',
   'Days a sent, dead or cancelled outbox row is kept (for support) before it is deleted.');

/* A volunteer's device: one Web Push subscription per browser (endpoint), created after the member
   taps "Bật thông báo". Deleted when the member removes it or the push service answers 404/410. */
create table app.push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  member_id bigint not null references app.members (id) on delete cascade,
  endpoint text not null unique check (endpoint ~ '^https?://' and char_length(endpoint) <= 1000),
  p256dh text not null check (p256dh ~ '^[A-Za-z0-9_-]{80,100}={0,2}$'),
  auth text not null check (auth ~ '^[A-Za-z0-9_-]{16,30}={0,2}$'),
  device_label text check (char_length(device_label) between 1 and 60),
  created_at timestamptz not null default now(),
  last_sent_at timestamptz
);
comment on table app.push_subscriptions is 'Web Push subscriptions of members, one per device (browser). Never readable by the API roles.';
comment on column app.push_subscriptions.endpoint is 'Push service URL of the subscription (unique: a device re-subscribing replaces its row).';
comment on column app.push_subscriptions.p256dh is 'The browser''s ECDH P-256 public key (base64url), for RFC 8291 encryption.';
comment on column app.push_subscriptions.auth is 'The subscription''s authentication secret (base64url, 16 bytes).';
comment on column app.push_subscriptions.device_label is 'Name the member recognises the device by ("Điện thoại Android").';
comment on column app.push_subscriptions.last_sent_at is 'When a push last reached the push service for this device.';
create index push_subscriptions_member_id_idx on app.push_subscriptions (member_id);
alter table app.push_subscriptions enable row level security;

/* What a member chose: email on or off, and quiet hours (Vietnam time). No row = defaults. */
create table app.member_notification_settings (
  member_id bigint primary key references app.members (id) on delete cascade,
  email_enabled boolean not null default false,
  quiet_from time,
  quiet_to time,
  updated_at timestamptz not null default now(),
  check ((quiet_from is null) = (quiet_to is null)),
  check (quiet_from is null or quiet_from <> quiet_to)
);
comment on table app.member_notification_settings is 'Each member''s notification choices: email on/off and quiet hours. Never readable by the API roles.';
comment on column app.member_notification_settings.email_enabled is 'Also send the team''s notifications by email (off by default).';
comment on column app.member_notification_settings.quiet_from is 'Start of quiet hours (Vietnam time): push without sound, email held until quiet_to.';
comment on column app.member_notification_settings.quiet_to is 'End of quiet hours (Vietnam time); may be earlier than quiet_from (overnight).';
alter table app.member_notification_settings enable row level security;

/* The outbox: one row per message, per recipient, per channel. */
create table app.notification_outbox (
  id bigint generated always as identity primary key,
  created_at timestamptz not null default now(),
  channel text not null check (channel in ('push', 'email', 'sms', 'zalo')),
  template text not null check (template ~ '^[a-z_]{2,40}$'),
  params jsonb not null default '{}'::jsonb check (jsonb_typeof(params) = 'object'),
  silent boolean not null default false,
  dedupe_key text not null unique check (char_length(dedupe_key) between 3 and 200),
  request_id bigint references app.help_requests (id) on delete cascade,
  member_id bigint references app.members (id) on delete cascade,
  subscription_id uuid references app.push_subscriptions (id) on delete set null,
  to_phone text check (to_phone ~ '^0([35789][0-9]{8}|2[0-9]{9})$'),
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'dead', 'cancelled')),
  attempts smallint not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  lease_token uuid,
  sent_at timestamptz,
  finished_at timestamptz,
  last_error text check (char_length(last_error) <= 500),
  check (channel <> 'email' or member_id is not null),
  check ((status = 'sending') = (lease_token is not null))
);
comment on table app.notification_outbox is 'Transactional outbox of notifications (push, email, SMS, Zalo ZNS), written in the transaction of the event that causes them and drained by the notify Edge Function. Never readable by the API roles.';
comment on column app.notification_outbox.channel is 'push (a member''s device), email (a member), sms or zalo (a citizen, or a phone asking for a look-up code).';
comment on column app.notification_outbox.template is 'Message kind, e.g. team_new_request, citizen_booked; the texts are in src/lib/i18n/vi/notifications.json, rendered by the notify function.';
comment on column app.notification_outbox.params is 'Template parameters: reference code, team, commune, needs, verification word; never a citizen''s name, phone or address.';
comment on column app.notification_outbox.silent is 'Push without sound or vibration (the member''s quiet hours).';
comment on column app.notification_outbox.dedupe_key is 'One message per event, recipient and channel, e.g. ev:123:push:<subscription>; a second insert of the same key is ignored.';
comment on column app.notification_outbox.request_id is 'The help request the message is about (links it to erasure); null for look-up codes and summaries.';
comment on column app.notification_outbox.member_id is 'The member the message is for (push and email).';
comment on column app.notification_outbox.subscription_id is 'The device a push goes to; null once the subscription is deleted (the message is then cancelled).';
comment on column app.notification_outbox.to_phone is 'PERSONAL DATA. Phone number an SMS or Zalo message goes to (0XXXXXXXXX); erased with the request.';
comment on column app.notification_outbox.status is 'pending, sending (claimed, lease until next_attempt_at), sent, dead (gave up, see last_error), cancelled (recipient gone or request erased).';
comment on column app.notification_outbox.attempts is 'Delivery attempts so far (claims).';
comment on column app.notification_outbox.next_attempt_at is 'When the message is due (pending) or when its lease ends (sending).';
comment on column app.notification_outbox.lease_token is 'Token of the current claim; a report must carry it, so a worker whose lease ran out cannot overwrite a newer claim.';
comment on column app.notification_outbox.sent_at is 'When the provider accepted the message.';
comment on column app.notification_outbox.finished_at is 'When the row reached sent, dead or cancelled.';
comment on column app.notification_outbox.last_error is 'Reason of the last failure, from the provider or the adapter (no personal data).';
-- Due messages in order (the claim); a request's messages (erasure); the foreign keys; the purge.
create index notification_outbox_due_idx on app.notification_outbox (next_attempt_at, id) where status in ('pending', 'sending');
create index notification_outbox_request_id_idx on app.notification_outbox (request_id);
create index notification_outbox_member_id_idx on app.notification_outbox (member_id);
create index notification_outbox_subscription_id_idx on app.notification_outbox (subscription_id);
create index notification_outbox_finished_idx on app.notification_outbox (finished_at) where finished_at is not null;
create index notification_outbox_dead_idx on app.notification_outbox (finished_at desc) where status = 'dead';
alter table app.notification_outbox enable row level security;

/* Whether a member is in their quiet hours now (Vietnam time). Overnight ranges wrap. */
create function app.in_quiet_hours(quiet_from time, quiet_to time, at timestamptz default now())
returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  local_time time := (at at time zone 'Asia/Ho_Chi_Minh')::time;
begin
  if quiet_from is null or quiet_to is null then
    return false;
  end if;
  if quiet_from < quiet_to then
    return local_time >= quiet_from and local_time < quiet_to;
  end if;
  return local_time >= quiet_from or local_time < quiet_to;
end
$$;
comment on function app.in_quiet_hours(time, time, timestamptz) is 'True when the moment (default now) lies in the quiet hours quiet_from–quiet_to, Vietnam time; overnight ranges wrap.';

/* Delay before the next attempt after `attempts` failed ones: base × 2^(attempts-1), times a random
   factor between 0.5 and 1.5 (jitter, so failures of many messages do not retry in lockstep),
   capped. */
create function app.notification_backoff(attempts integer)
returns interval
language plpgsql volatile
set search_path = ''
as $$
declare
  base numeric := greatest(coalesce((app.setting('notifications.retry_base_seconds') #>> '{}')::numeric, 30), 0);
  cap numeric := greatest(coalesce((app.setting('notifications.retry_max_seconds') #>> '{}')::numeric, 3600), 0);
begin
  return make_interval(secs => least(cap, base * power(2, least(greatest(attempts, 1) - 1, 30)) * (0.5 + random()))::double precision);
end
$$;
comment on function app.notification_backoff(integer) is 'Retry delay after the given number of failed attempts: exponential (notifications.retry_base_seconds doubling) with 0.5–1.5 jitter, capped at notifications.retry_max_seconds.';

/* Deletes outbox rows finished more than notifications.keep_days days ago (at most 10,000 a run).
   Run by app.run_scheduled_jobs(). */
create function app.purge_notification_outbox()
returns integer
language plpgsql volatile
set search_path = ''
as $$
declare
  days integer := greatest(coalesce((app.setting('notifications.keep_days') #>> '{}')::integer, 30), 0);
  purged integer;
begin
  delete from app.notification_outbox o
  where o.id in (
    select x.id from app.notification_outbox x
    where x.finished_at is not null and x.finished_at < now() - make_interval(days => days)
    limit 10000
  );
  get diagnostics purged = row_count;
  return purged;
end
$$;
comment on function app.purge_notification_outbox() is 'Deletes outbox rows sent, dead or cancelled more than notifications.keep_days days ago. Returns how many.';

-- ---------------------------------------------------------------------------------------------
-- Member RPCs (authenticated). Security definer: authenticated has no privilege on schema app.

/* The member's settings and devices as the workspace shows them (no endpoint, no keys). */
create function app.notification_settings_json(me app.members)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  s app.member_notification_settings;
begin
  select * into s from app.member_notification_settings x where x.member_id = me.id;
  return jsonb_build_object(
    'email', me.email,
    'email_enabled', coalesce(s.email_enabled, false),
    'quiet_from', to_char(s.quiet_from, 'HH24:MI'),
    'quiet_to', to_char(s.quiet_to, 'HH24:MI'),
    'devices', coalesce((
      select jsonb_agg(jsonb_build_object('id', p.id, 'label', p.device_label, 'created_at', p.created_at)
                       order by p.created_at, p.id)
      from app.push_subscriptions p where p.member_id = me.id
    ), '[]'::jsonb)
  );
end
$$;
comment on function app.notification_settings_json(app.members) is 'A member''s notification settings: {email, email_enabled, quiet_from, quiet_to ("HH:MM" | null), devices [{id, label, created_at}]}.';

/* The VAPID public key the browser subscribes with (not a secret; null until configured). */
create function public.push_public_key()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_post();
  perform app.require_member();
  return jsonb_build_object('key', app.setting('notifications.push_public_key') #>> '{}');
end
$$;
comment on function public.push_public_key() is 'The VAPID public key for Web Push subscriptions: {key: string | null}. Members only, POST only.';
grant execute on function public.push_public_key() to authenticated;

/* Saves this device's subscription for the caller: one row per endpoint (a browser re-subscribing,
   or a device passed to another member, replaces the row). At most 10 devices per member. */
create function public.save_push_subscription(
  endpoint text default null,
  p256dh text default null,
  auth text default null,
  device_label text default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  label text := nullif(btrim(regexp_replace(coalesce(save_push_subscription.device_label, ''), '[[:cntrl:]<>]', '', 'g')), '');
  saved uuid;
begin
  perform app.require_post();
  me := app.require_member();
  if save_push_subscription.endpoint is null or save_push_subscription.endpoint !~ '^https://'
    and not (save_push_subscription.endpoint ~ '^http://(localhost|127\.0\.0\.1)[:/]')
    or char_length(save_push_subscription.endpoint) > 1000
    or save_push_subscription.p256dh is null or save_push_subscription.p256dh !~ '^[A-Za-z0-9_-]{80,100}={0,2}$'
    or save_push_subscription.auth is null or save_push_subscription.auth !~ '^[A-Za-z0-9_-]{16,30}={0,2}$' then
    perform app.raise_code('subscription_invalid');
  end if;
  if (select count(*) from app.push_subscriptions p
      where p.member_id = me.id and p.endpoint <> save_push_subscription.endpoint) >= 10 then
    perform app.raise_code('too_many_devices');
  end if;
  insert into app.push_subscriptions as p (member_id, endpoint, p256dh, auth, device_label)
  values (me.id, save_push_subscription.endpoint, save_push_subscription.p256dh, save_push_subscription.auth,
    left(label, 60))
  on conflict on constraint push_subscriptions_endpoint_key do update set
    member_id = excluded.member_id, p256dh = excluded.p256dh, auth = excluded.auth,
    device_label = coalesce(excluded.device_label, p.device_label)
  returning p.id into saved;
  return jsonb_build_object('id', saved);
end
$$;
comment on function public.save_push_subscription(text, text, text, text) is 'Saves the caller''s Web Push subscription for this device (upsert by endpoint): {id}. Errors: subscription_invalid, too_many_devices, not_member. POST only.';
grant execute on function public.save_push_subscription(text, text, text, text) to authenticated;

/* Removes one of the caller's devices. */
create function public.delete_push_subscription(subscription_id uuid default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  removed integer;
begin
  perform app.require_post();
  me := app.require_member();
  delete from app.push_subscriptions p
  where p.id = delete_push_subscription.subscription_id and p.member_id = me.id;
  get diagnostics removed = row_count;
  return jsonb_build_object('deleted', removed > 0);
end
$$;
comment on function public.delete_push_subscription(uuid) is 'Deletes one of the caller''s push subscriptions: {deleted: boolean} (false when not theirs or gone). POST only.';
grant execute on function public.delete_push_subscription(uuid) to authenticated;

/* The caller's settings and devices. */
create function public.my_notification_settings()
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_post();
  return app.notification_settings_json(app.require_member());
end
$$;
comment on function public.my_notification_settings() is 'The caller''s notification settings: {email, email_enabled, quiet_from, quiet_to, devices [{id, label, created_at}]}. POST only.';
grant execute on function public.my_notification_settings() to authenticated;

/* Saves email on/off and quiet hours ("HH:MM" both, or both null/empty for none). */
create function public.save_notification_settings(
  email_enabled boolean default null,
  quiet_from text default null,
  quiet_to text default null
)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  q_from text := nullif(btrim(coalesce(save_notification_settings.quiet_from, '')), '');
  q_to text := nullif(btrim(coalesce(save_notification_settings.quiet_to, '')), '');
begin
  perform app.require_post();
  me := app.require_member();
  if save_notification_settings.email_enabled is null then
    perform app.raise_code('settings_invalid');
  end if;
  if (q_from is null) <> (q_to is null)
    or q_from !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' or q_to !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
    or q_from = q_to then
    perform app.raise_code('quiet_hours_invalid');
  end if;
  insert into app.member_notification_settings as s (member_id, email_enabled, quiet_from, quiet_to, updated_at)
  values (me.id, save_notification_settings.email_enabled, q_from::time, q_to::time, now())
  on conflict (member_id) do update set
    email_enabled = excluded.email_enabled, quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
    updated_at = now();
  return app.notification_settings_json(me);
end
$$;
comment on function public.save_notification_settings(boolean, text, text) is 'Saves the caller''s email choice and quiet hours; answers as my_notification_settings. Errors: settings_invalid, quiet_hours_invalid. POST only.';
grant execute on function public.save_notification_settings(boolean, text, text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Delivery RPCs (service_role only: the notify Edge Function).

/* Claims up to batch_size due messages for one worker: locks them with skip locked (a parallel
   claim takes other rows), cancels those that can no longer be delivered (a citizen message whose
   phone was erased with the request, a push whose device was removed), and leases the rest
   (status sending until now + notifications.lease_seconds, a fresh lease_token, one more attempt).
   Returns each message with what its channel needs to deliver it: the push subscription's endpoint
   and keys, the member's email, or the phone. */
create function public.notification_claim(batch_size integer default 50)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  lease interval := make_interval(secs => greatest(coalesce((app.setting('notifications.lease_seconds') #>> '{}')::integer, 120), 5));
  claimed jsonb;
begin
  with due as (
    select o.id from app.notification_outbox o
    where o.status in ('pending', 'sending') and o.next_attempt_at <= now()
    order by o.next_attempt_at, o.id
    limit least(greatest(coalesce(batch_size, 50), 1), 500)
    for update skip locked
  ),
  gone as (
    update app.notification_outbox o set
      status = 'cancelled', lease_token = null, finished_at = now(),
      last_error = case when o.channel = 'push' then 'subscription_gone'
                        when o.channel = 'email' then 'member_gone' else 'request_erased' end
    from due
    where o.id = due.id and (
      (o.channel in ('sms', 'zalo') and o.to_phone is null)
      or (o.channel = 'push' and o.subscription_id is null)
      or (o.channel = 'email' and not exists (
        select 1 from app.members m where m.id = o.member_id and m.removed_at is null)))
    returning o.id
  ),
  taken as (
    update app.notification_outbox o set
      status = 'sending', attempts = o.attempts + 1, next_attempt_at = now() + lease,
      lease_token = gen_random_uuid()
    from due
    where o.id = due.id and o.id not in (select gone.id from gone)
    returning o.*
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', t.id, 'token', t.lease_token, 'channel', t.channel, 'template', t.template,
      'params', t.params, 'silent', t.silent, 'attempt', t.attempts, 'created_at', t.created_at,
      'to', case t.channel
        when 'push' then (select jsonb_build_object('endpoint', p.endpoint, 'p256dh', p.p256dh, 'auth', p.auth)
                          from app.push_subscriptions p where p.id = t.subscription_id)
        when 'email' then (select jsonb_build_object('email', m.email) from app.members m where m.id = t.member_id)
        else jsonb_build_object('phone', t.to_phone) end
    ) order by t.next_attempt_at, t.id), '[]'::jsonb)
    into claimed
  from taken t;
  return jsonb_build_object('messages', claimed);
end
$$;
comment on function public.notification_claim(integer) is 'Delivery (service_role only): claims up to batch_size due outbox messages (skip locked, leased), cancelling undeliverable ones. Returns {messages: [{id, token, channel, template, params, silent, attempt, created_at, to: {endpoint, p256dh, auth} | {email} | {phone}}]}.';
grant execute on function public.notification_claim(integer) to service_role;

/* Records the outcome of claimed messages: results is an array of
   {id, token, ok: boolean, error?: text, permanent?: boolean, gone?: boolean}.
   ok: sent. gone: the push subscription no longer exists (404/410): it is deleted and the message
   cancelled. permanent, or the last allowed attempt: dead with the error. A finished message keeps
   no phone number (to_phone is cleared). Else pending again after
   app.notification_backoff(). A result whose token is not the row's current lease is ignored (its
   lease ran out and the row was claimed again). Returns counts. */
create function public.notification_report(results jsonb default '[]'::jsonb)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  max_attempts integer := greatest(coalesce((app.setting('notifications.max_attempts') #>> '{}')::integer, 6), 1);
  r record;
  msg app.notification_outbox;
  sent integer := 0;
  retried integer := 0;
  dead integer := 0;
  cancelled integer := 0;
  ignored integer := 0;
begin
  if jsonb_typeof(results) is distinct from 'array' then
    raise exception using message = 'results_invalid', errcode = 'P0001';
  end if;
  for r in
    select (e ->> 'id')::bigint as id, (e ->> 'token')::uuid as token, coalesce((e ->> 'ok')::boolean, false) as ok,
           left(coalesce(e ->> 'error', 'unknown_error'), 500) as error,
           coalesce((e ->> 'permanent')::boolean, false) as permanent,
           coalesce((e ->> 'gone')::boolean, false) as gone
    from jsonb_array_elements(results) e
    order by 1
  loop
    select * into msg from app.notification_outbox o
    where o.id = r.id and o.status = 'sending' and o.lease_token = r.token
    for update;
    if not found then
      ignored := ignored + 1;
      continue;
    end if;
    if r.ok then
      update app.notification_outbox o set status = 'sent', sent_at = now(), finished_at = now(),
        lease_token = null, last_error = null, to_phone = null
      where o.id = msg.id;
      if msg.subscription_id is not null then
        update app.push_subscriptions p set last_sent_at = now() where p.id = msg.subscription_id;
      end if;
      sent := sent + 1;
    elsif r.gone then
      update app.notification_outbox o set status = 'cancelled', finished_at = now(), lease_token = null,
        last_error = r.error, to_phone = null
      where o.id = msg.id;
      delete from app.push_subscriptions p where p.id = msg.subscription_id;
      cancelled := cancelled + 1;
    elsif r.permanent or msg.attempts >= max_attempts then
      update app.notification_outbox o set status = 'dead', finished_at = now(), lease_token = null,
        last_error = r.error, to_phone = null
      where o.id = msg.id;
      dead := dead + 1;
    else
      update app.notification_outbox o set status = 'pending', lease_token = null, last_error = r.error,
        next_attempt_at = now() + app.notification_backoff(msg.attempts)
      where o.id = msg.id;
      retried := retried + 1;
    end if;
  end loop;
  return jsonb_build_object('sent', sent, 'retried', retried, 'dead', dead, 'cancelled', cancelled, 'ignored', ignored);
end
$$;
comment on function public.notification_report(jsonb) is 'Delivery (service_role only): records results [{id, token, ok, error, permanent, gone}] of claimed messages: sent; gone (push subscription deleted, message cancelled); dead when permanent or out of attempts; else retried later with exponential backoff and jitter. Returns {sent, retried, dead, cancelled, ignored}.';
grant execute on function public.notification_report(jsonb) to service_role;

/* Admins: messages that were given up, newest first, with the reason. No phone, no email. */
create function public.admin_dead_notifications(page_size integer default 50)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform app.require_post();
  perform app.require_admin();
  return jsonb_build_object(
    'total', (select count(*) from app.notification_outbox o where o.status = 'dead'),
    'messages', coalesce((
      select jsonb_agg(x.item order by x.finished_at desc, x.id desc)
      from (
        select o.id, o.finished_at, jsonb_build_object(
          'id', o.id, 'channel', o.channel, 'template', o.template, 'attempts', o.attempts,
          'last_error', o.last_error, 'created_at', o.created_at, 'failed_at', o.finished_at,
          'reference_code', h.reference_code) as item
        from app.notification_outbox o
        left join app.help_requests h on h.id = o.request_id
        where o.status = 'dead'
        order by o.finished_at desc, o.id desc
        limit least(greatest(coalesce(page_size, 50), 1), 200)
      ) x
    ), '[]'::jsonb)
  );
end
$$;
comment on function public.admin_dead_notifications(integer) is 'Admins: notifications given up after their attempts, newest first: {total, messages [{id, channel, template, attempts, last_error, created_at, failed_at, reference_code}]}. Errors: forbidden. POST only.';
grant execute on function public.admin_dead_notifications(integer) to authenticated;
