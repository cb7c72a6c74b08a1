-- Rate limits of the anonymous RPCs: fixed windows per subject (phone number, client address,
-- reference code), one limiter for the booking RPCs (booking, status look-ups and cancellations,
-- erasure requests) and guide feedback. Poster scans keep their own counters, keyed by a salt that
-- is deleted every day (poster scans migration).
--
-- Subjects are stored only as salted SHA-256 hashes (salt: setting privacy.hash_salt, random per
-- database), with the scope in the hash so that one phone number cannot be linked across limits.
-- The client address is read from x-forwarded-for counted from the right, by the number of proxies
-- the operator trusts (setting client_address.trusted_proxy_hops): the leftmost entries are
-- whatever the caller sent. Limits are {max, window_seconds} rows rate_limit.<scope> in app.settings.
--
-- Objects: app.rate_limit_buckets, app.client_address(), app.hash_subject(), app.rate_limit_take(),
--          app.rate_limit_give_back(), app.rate_limit_reached().

/* One counter per limit, hashed subject and window: enough to refuse the next hit, nothing to
   identify anyone. */
create table app.rate_limit_buckets (
  scope text not null check (scope ~ '^[a-z_]+\.[a-z_]+$'),
  subject_hash text not null check (subject_hash ~ '^[0-9a-f]{64}$'),
  window_start timestamptz not null,
  hits integer not null check (hits >= 0),
  -- Leads with window_start: one index serves both the look-up (all three columns equal) and the
  -- pruning of old windows (a range on its first column), so there is no second index a look-up
  -- could pick wrongly, and one index fewer to write per new bucket.
  primary key (window_start, scope, subject_hash)
);
comment on table app.rate_limit_buckets is 'Fixed-window counters for rate limits. Subjects (phone numbers, client addresses, reference codes) are stored only as salted SHA-256 hashes; old windows are pruned.';
comment on column app.rate_limit_buckets.scope is 'Which limit: request_help.per_phone, request_help.per_address, lookup.per_address, lookup.per_code, lookup.per_code_address, feedback.per_address.';
comment on column app.rate_limit_buckets.subject_hash is 'Salted SHA-256 of the subject (never the raw phone number or address).';
alter table app.rate_limit_buckets enable row level security;

/* The caller's address. Proxies append to x-forwarded-for, so only the entries they added can be
   trusted: the address is client_address.trusted_proxy_hops entries from the right (1 behind the
   local gateway). Leftmost entries are whatever the caller sent. */
create function app.client_address()
returns text
language plpgsql stable
set search_path = ''
as $$
declare
  forwarded text := nullif(current_setting('request.headers', true), '')::json ->> 'x-forwarded-for';
  hops integer := coalesce((app.setting('client_address.trusted_proxy_hops') #>> '{}')::integer, 1);
  parts text[];
begin
  if forwarded is null or btrim(forwarded) = '' then
    return 'unknown';
  end if;
  parts := regexp_split_to_array(btrim(forwarded), '\s*,\s*');
  return coalesce(nullif(parts[greatest(cardinality(parts) - hops + 1, 1)], ''), 'unknown');
end
$$;
comment on function app.client_address() is 'Client address from x-forwarded-for, counted from the right by the trusted proxy hops (never the caller-controlled leftmost entry).';

/* Salted SHA-256 of a rate-limit subject; the scope is part of the input so that hashes of one
   phone number in different buckets cannot be linked.
   PL/pgSQL so that its plan is cached per session: every booking hashes four subjects (see
   app.setting(), settings migration). */
create function app.hash_subject(scope text, subject text)
returns text
language plpgsql stable
set search_path = ''
as $$
begin
  return encode(sha256(convert_to(
    coalesce(app.setting('privacy.hash_salt') #>> '{}', '') || '|' || scope || '|' || subject, 'UTF8')), 'hex');
end
$$;
comment on function app.hash_subject(text, text) is 'Salted SHA-256 (hex) of a rate-limit subject within a scope. PL/pgSQL so that its plan is cached (see app.setting).';

/* Counts one hit for the subject in the current fixed window of the scope's limit
   (settings rate_limit.<scope> = {max, window_seconds}); true while within the limit. Windows older
   than a week are pruned now and then. The bucket row stays locked until the caller's transaction
   ends, and a refusal that rolls the transaction back counts nothing. */
create function app.rate_limit_take(scope text, subject text)
returns boolean
language plpgsql volatile
set search_path = ''
as $$
declare
  rule jsonb := app.setting('rate_limit.' || scope);
  window_seconds integer := greatest(coalesce((rule ->> 'window_seconds')::integer, 3600), 1);
  started timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  hits integer;
begin
  if random() < 0.005 then
    delete from app.rate_limit_buckets b where b.window_start < now() - interval '7 days';
  end if;
  insert into app.rate_limit_buckets as b (scope, subject_hash, window_start, hits)
  values (rate_limit_take.scope, app.hash_subject(rate_limit_take.scope, subject), started, 1)
  on conflict on constraint rate_limit_buckets_pkey do update set hits = b.hits + 1
  returning b.hits into hits;
  return hits <= coalesce((rule ->> 'max')::integer, 0);
end
$$;
comment on function app.rate_limit_take(text, text) is 'Counts a hit for a subject in the current window of a rate limit; true while within the limit.';

/* Gives back the hit app.rate_limit_take() counted for the subject earlier in this transaction,
   for a call that turned out not to be a new one (request_help: the same booking committed by a
   parallel call while this one waited for its bucket). now() is the transaction's start, so this
   is the window the hit went to. Planned per call, as app.rate_limit_reached() is: it is rare, and
   a plan kept from a nearly empty table would scan the whole window. */
create function app.rate_limit_give_back(scope text, subject text)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  rule jsonb := app.setting('rate_limit.' || scope);
  window_seconds integer := greatest(coalesce((rule ->> 'window_seconds')::integer, 3600), 1);
  started timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
begin
  execute 'update app.rate_limit_buckets b set hits = b.hits - 1
           where b.window_start = $1 and b.scope = $2 and b.subject_hash = $3 and b.hits > 0'
    using started, scope, app.hash_subject(scope, subject);
end
$$;
comment on function app.rate_limit_give_back(text, text) is 'Gives back a hit counted earlier in the same transaction (a call that turned out to be a repeat).';

/* True when the subject has already used up the current window (does not count a hit).
   Planned for each call (dynamic EXECUTE, which PL/pgSQL plans afresh every time): PostgREST keeps
   its connections, and a generic plan made while the table was nearly empty (a year of data showed
   it: ~50 ms per call with 3,700 buckets in the hour, filtering every bucket of the window) would
   serve every later call. Planning with the table's current size picks the primary key. The subject
   is hashed once, before the look-up, never per row.
   It used to get the same from a SET plan_cache_mode = force_custom_plan clause, which holds for
   everything the function runs, so the helpers it calls (app.setting(), app.hash_subject()) were
   planned again on every call as well: about 0.2 ms of CPU per call in a booking's transaction,
   against 0.1 ms with EXECUTE (two calls per booking then, per status look-up by code now;
   tests/db/booking-commit-and-plans.test.ts
   keeps both the look-up by key and the lone search_path clause). */
create function app.rate_limit_reached(scope text, subject text)
returns boolean
language plpgsql stable
set search_path = ''
as $$
declare
  rule jsonb := app.setting('rate_limit.' || scope);
  window_seconds integer := greatest(coalesce((rule ->> 'window_seconds')::integer, 3600), 1);
  started timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  hashed text := app.hash_subject(scope, subject);
  hits integer;
begin
  execute 'select b.hits from app.rate_limit_buckets b
           where b.window_start = $1 and b.scope = $2 and b.subject_hash = $3'
    into hits using started, scope, hashed;
  return coalesce(hits, 0) >= coalesce((rule ->> 'max')::integer, 0);
end
$$;
comment on function app.rate_limit_reached(text, text) is 'Whether a subject has used up the current window of a rate limit (no hit counted). Planned per call, so that its look-up is the primary key at any table size and whatever the statistics.';
