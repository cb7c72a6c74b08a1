-- Settings: every tunable value of the SQL functions, in one table, read with app.setting().
--
-- Kept in a table rather than in code so that operators can change them without a migration (see
-- README, "Configuration for a real Supabase project") and tests can lower or raise limits and
-- restore them. Every row the functions read is inserted here, grouped by the concern that reads it;
-- a function falls back to the same default when a row is missing.
--
-- Objects: app.settings (and its rows: rate_limit.*, client_address.trusted_proxy_hops,
--          consent.versions, routing.max_candidates, retention.days_after_close,
--          privacy.hash_salt, escalation.*, team.*, statistics.stale_accepted_days), app.setting().

/* Tunable values read by the functions (rate limits, consent versions, routing, escalation,
   retention, statistics). Never readable by the API roles: the salt is a secret. */
create table app.settings (
  key text primary key check (key ~ '^[a-z0-9_]+(\.[a-z0-9_]+)*$'),
  value jsonb not null,
  description text not null check (length(description) between 10 and 500),
  updated_at timestamptz not null default now()
);
comment on table app.settings is 'Tunable values of the request functions (rate limits, consent versions, routing). Never readable by the API roles.';
comment on column app.settings.key is 'Dotted name, e.g. rate_limit.request_help.per_phone.';
comment on column app.settings.value is 'JSON value; its shape is described in the description column.';
alter table app.settings enable row level security;

insert into app.settings (key, value, description) values
  -- Rate limits of the anonymous RPCs (app.rate_limit_take): {max, window_seconds}.
  ('rate_limit.request_help.per_phone', '{"max": 5, "window_seconds": 86400}',
   'New help requests per contact phone number in a fixed window ({max, window_seconds}).'),
  ('rate_limit.request_help.per_address', '{"max": 30, "window_seconds": 3600}',
   'New help requests per client address in a fixed window. Generous: mobile carriers share addresses (CGNAT).'),
  ('rate_limit.lookup.per_address', '{"max": 60, "window_seconds": 3600}',
   'Status look-ups and cancellations per client address in a fixed window.'),
  ('rate_limit.lookup.per_code', '{"max": 50, "window_seconds": 3600}',
   'Failed look-ups (wrong phone) per reference code from all addresses in a fixed window: a ceiling for guessing spread over many addresses (reaching it locks the owner out too, so keep it well above per_code_address).'),
  ('rate_limit.lookup.per_code_address', '{"max": 5, "window_seconds": 3600}',
   'Failed look-ups (wrong phone) per reference code and client address in a fixed window: stops one address guessing the phone for a known code without locking the owner out.'),
  ('rate_limit.feedback.per_address', '{"max": 20, "window_seconds": 3600}',
   'Guide feedback messages (ratings and error reports) per client address in a fixed window.'),
  ('client_address.trusted_proxy_hops', '1',
   'How many proxies in front of PostgREST append to x-forwarded-for; the client address is that many entries from the right. The leftmost entries are whatever the caller sent and are never trusted.'),
  ('privacy.hash_salt', to_jsonb(gen_random_uuid()::text),
   'Secret salt for hashing phone numbers and client addresses in rate-limit buckets. Random per database.'),
  -- Booking and routing.
  ('consent.versions', '["2026-11-28", "2026-11-29"]',
   'Versions of the consent text the booking form may send; the form shows the newest. Older ones stay valid for requests still waiting in a device''s outbox.'),
  ('routing.max_candidates', '20',
   'How many nearest candidate teams routing considers for one request (nearest first, until one has room).'),
  -- Team workspace and escalation.
  ('escalation.accept_within_minutes', '360',
   'Minutes a team has to accept an assigned request ("Tôi nhận") before the escalation job moves it to the next team. Shown to members as the deadline.'),
  ('escalation.max_moves', '2',
   'How many times the escalation job moves an unaccepted request to another team; the next time it goes to the province pool for admins.'),
  ('team.min_contact_attempts', '3',
   'Unanswered calls a member records before closing a request as "could not reach the citizen".'),
  ('team.handover_suggestions', '6',
   'How many nearest teams the workspace suggests when handing a request over.'),
  -- Retention and statistics.
  ('retention.days_after_close', '90',
   'Days after a request is closed or cancelled before its personal data is erased (by app.erase_expired_personal_data(), in 20261128001300_personal_data_retention.sql).'),
  ('statistics.stale_accepted_days', '7',
   'Days after which an accepted request that is still not closed counts as stale in the statistics (teams with stale requests).');

/* A setting's value, or null when the key is missing.

   PL/pgSQL rather than LANGUAGE sql, like every helper on the booking path (measured with
   tests/bench/request-help.ts on PostgreSQL 15, 2 cores, profiling one backend with perf and
   track_functions): about 44 % of request_help's database CPU went to running LANGUAGE sql
   helpers. A SQL function with a SET clause (every function here pins search_path) is never
   inlined, and PostgreSQL (before 18) parses, analyses and plans its body again in every query that
   calls it: each request re-planned this function eleven times. PL/pgSQL keeps its plans for the
   session (PostgREST's pooled connections), and a body that is a single expression runs on
   PL/pgSQL's fast path. tests/db/booking-commit-and-plans.test.ts keeps these helpers PL/pgSQL. */
create function app.setting(setting_key text)
returns jsonb
language plpgsql stable
set search_path = ''
as $$
begin
  return (select s.value from app.settings s where s.key = setting_key);
end
$$;
comment on function app.setting(text) is 'Value of a row of app.settings, or null. PL/pgSQL so that its plan is cached per session: as a SQL function with a SET clause it was re-planned in every calling query (part of the ~44 % of request_help''s database CPU spent in SQL helpers).';
