-- "Quên mã? Tìm bằng số điện thoại": a citizen who lost the reference code finds their requests
-- with their phone number and a one-time code sent to that phone.
--
--   request_phone_code(phone)         sends a 6-digit code by SMS (Zalo when the phone's newest
--                                     request chose Zalo), through the notification outbox
--   requests_by_phone(phone, code)    the phone's requests for a valid code (no personal data)
--
-- The only anonymous RPCs of the notifications work. Both are POST only. Enumeration: the answer of
-- request_phone_code is {sent: true} for every valid phone, whether or not it has requests, and
-- both branches do the same work (a code is made and stored, an outbox row written; for a phone
-- without requests that row is already finished, without phone or code, so nothing is sent), so the
-- time is similar too; requests_by_phone answers the
-- same code_wrong for a wrong, expired or used code and for a phone that has none. Limits: codes per
-- phone per day (rate_limit.phone_code.per_phone, 3), codes per client address, look-ups per client
-- address, failed look-ups per phone, and attempts per code (phone_lookup.max_attempts); a code
-- expires after phone_lookup.code_minutes and works once. Codes and phones are stored only as
-- salted hashes (app.hash_subject); the phone itself is only on the outbox row of the SMS, erased
-- when it is sent.
--
-- A wrong code is an answer ({error: 'code_wrong'}), not a raised error, so that the counted
-- failure commits (as request_status's {found: false}); src/lib/api/notifications.ts turns it into
-- the error code.
--
-- Objects: app.phone_lookup_codes, settings rate_limit.phone_code.*, rate_limit.phone_lookup.*,
--          phone_lookup.*; indexes help_requests_citizen_phone_idx, help_requests_helper_phone_idx;
--          app.new_numeric_code(), public.request_phone_code(), public.requests_by_phone().

insert into app.settings (key, value, description) values
  ('rate_limit.phone_code.per_phone', '{"max": 3, "window_seconds": 86400}',
   'One-time look-up codes sent per phone number per day (each is an SMS that costs money).'),
  ('rate_limit.phone_code.per_address', '{"max": 10, "window_seconds": 3600}',
   'One-time look-up codes asked for per client address in a fixed window.'),
  ('rate_limit.phone_lookup.per_address', '{"max": 30, "window_seconds": 3600}',
   'Look-ups by phone and code per client address in a fixed window.'),
  ('rate_limit.phone_lookup.per_phone', '{"max": 10, "window_seconds": 86400}',
   'Failed look-ups (wrong code) per phone number in a fixed window.'),
  ('phone_lookup.code_minutes', '10',
   'Minutes a one-time look-up code stays valid.'),
  ('phone_lookup.max_attempts', '5',
   'Wrong codes allowed against one sent code before it stops working.');

/* One-time look-up codes: hashes only. Deleted a day after they expire (by request_phone_code). */
create table app.phone_lookup_codes (
  id bigint generated always as identity primary key,
  phone_hash text not null check (phone_hash ~ '^[0-9a-f]{64}$'),
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  attempts smallint not null default 0 check (attempts >= 0),
  used_at timestamptz
);
comment on table app.phone_lookup_codes is 'One-time codes for finding requests by phone number: salted hashes of the phone and the code, expiry, attempts. Never readable by the API roles.';
comment on column app.phone_lookup_codes.phone_hash is 'Salted hash of the normalised phone (app.hash_subject, scope phone_lookup.phone).';
comment on column app.phone_lookup_codes.code_hash is 'Salted hash of the phone and the code (scope phone_lookup.code).';
comment on column app.phone_lookup_codes.expires_at is 'The code stops working at this moment (phone_lookup.code_minutes after it was made).';
comment on column app.phone_lookup_codes.attempts is 'Wrong codes tried against this one.';
comment on column app.phone_lookup_codes.used_at is 'When the code was used; it works once.';
create index phone_lookup_codes_phone_hash_idx on app.phone_lookup_codes (phone_hash, created_at desc);
create index phone_lookup_codes_expires_at_idx on app.phone_lookup_codes (expires_at);
alter table app.phone_lookup_codes enable row level security;

-- A phone's requests (look-up by phone, and the check whether it has any).
create index help_requests_citizen_phone_idx on app.help_requests (citizen_phone) where citizen_phone is not null;
create index help_requests_helper_phone_idx on app.help_requests (helper_phone) where helper_phone is not null;

/* Six random digits from the server's strong random source. */
create function app.new_numeric_code()
returns text
language plpgsql volatile
set search_path = ''
as $$
begin
  return lpad(((('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))::bit(48)::bigint) % 1000000)::text, 6, '0');
end
$$;
comment on function app.new_numeric_code() is 'Six random digits (a one-time code), from gen_random_uuid().';

/* Security definer: anon has no privilege on schema app. Always {sent: true} for a valid phone. */
create function public.request_phone_code(phone text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  clean_phone text;
  code text := app.new_numeric_code();
  minutes integer := greatest(coalesce((app.setting('phone_lookup.code_minutes') #>> '{}')::integer, 10), 1);
  channel text;
  has_requests boolean;
begin
  perform app.require_post();
  if not app.rate_limit_take('phone_code.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  clean_phone := app.normalize_phone(request_phone_code.phone);
  if clean_phone is null or clean_phone !~ '^0[35789][0-9]{8}$' then
    perform app.raise_code('phone_invalid');
  end if;
  if not app.rate_limit_take('phone_code.per_phone', clean_phone) then
    perform app.raise_code('rate_limited');
  end if;

  if random() < 0.05 then
    delete from app.phone_lookup_codes c where c.expires_at < now() - interval '1 day';
  end if;
  insert into app.phone_lookup_codes (phone_hash, code_hash, expires_at)
  values (app.hash_subject('phone_lookup.phone', clean_phone),
          app.hash_subject('phone_lookup.code', clean_phone || '|' || code),
          now() + make_interval(mins => minutes));

  -- The newest request of this phone (as the citizen or the relative who booked), if any.
  select h.message_channel into channel
  from app.help_requests h
  where (h.citizen_phone = clean_phone or h.helper_phone = clean_phone) and h.personal_data_erased_at is null
  order by h.created_at desc
  limit 1;
  has_requests := found;
  -- The same insert either way (same work, same time); without requests the row is written as
  -- already finished, without the phone, and nothing is sent.
  insert into app.notification_outbox (channel, template, params, dedupe_key, to_phone, status, finished_at, last_error)
  values (coalesce(channel, 'sms'), 'lookup_code',
    jsonb_build_object('code', case when has_requests then code end, 'minutes', minutes),
    'lookup:' || gen_random_uuid()::text,
    case when has_requests then clean_phone end,
    case when has_requests then 'pending' else 'cancelled' end,
    case when not has_requests then now() end,
    case when not has_requests then 'no_requests' end);
  return jsonb_build_object('sent', true);
end
$$;
comment on function public.request_phone_code(text) is 'Sends a one-time look-up code to the phone (SMS, or Zalo when its newest request chose it) through the outbox when the phone has requests; answers {sent: true} either way (anon, POST only). Errors: phone_invalid, rate_limited.';
grant execute on function public.request_phone_code(text) to anon, authenticated;

/* Security definer: the phone's requests for a valid code; {error: 'code_wrong'} otherwise (an
   answer, so the counted failure commits). */
create function public.requests_by_phone(phone text default null, code text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  clean_phone text;
  clean_code text := regexp_replace(coalesce(requests_by_phone.code, ''), '[^0-9]', '', 'g');
  max_attempts integer := greatest(coalesce((app.setting('phone_lookup.max_attempts') #>> '{}')::integer, 5), 1);
  issued app.phone_lookup_codes;
begin
  perform app.require_post();
  if not app.rate_limit_take('phone_lookup.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  clean_phone := app.normalize_phone(requests_by_phone.phone);
  if clean_phone is null then
    return jsonb_build_object('error', 'code_wrong');
  end if;
  if app.rate_limit_reached('phone_lookup.per_phone', clean_phone) then
    perform app.raise_code('rate_limited');
  end if;

  select * into issued from app.phone_lookup_codes c
  where c.phone_hash = app.hash_subject('phone_lookup.phone', clean_phone)
    and c.used_at is null and c.expires_at > now() and c.attempts < max_attempts
  order by c.created_at desc
  limit 1
  for update;

  if issued.id is null or issued.code_hash <> app.hash_subject('phone_lookup.code', clean_phone || '|' || clean_code) then
    if issued.id is not null then
      update app.phone_lookup_codes c set attempts = c.attempts + 1 where c.id = issued.id;
    end if;
    perform app.rate_limit_take('phone_lookup.per_phone', clean_phone);
    return jsonb_build_object('error', 'code_wrong');
  end if;

  update app.phone_lookup_codes c set used_at = now() where c.id = issued.id;
  return jsonb_build_object('requests', coalesce((
    select jsonb_agg(jsonb_build_object(
      'reference_code', h.reference_code, 'status', h.status, 'commune_name', c.name, 'created_at', h.created_at)
      order by h.created_at desc)
    from app.help_requests h
    join app.communes c on c.code = h.commune_code
    where (h.citizen_phone = clean_phone or h.helper_phone = clean_phone) and h.personal_data_erased_at is null
  ), '[]'::jsonb));
end
$$;
comment on function public.requests_by_phone(text, text) is 'The requests of a phone number for a valid one-time code (anon, POST only): {requests: [{reference_code, status, commune_name, created_at}]} newest first, or {error: "code_wrong"} (wrong, expired or used code). Errors: rate_limited.';
grant execute on function public.requests_by_phone(text, text) to anon, authenticated;
