-- Rate-limit look-ups that stay one index probe however many buckets the current window holds.
--
-- Found with a year of data (tests/bench/year-data.ts): request_help at 10 clients on PostgreSQL
-- slowed down the longer it ran. app.rate_limit_reached() (two calls per booking) had a cached
-- generic plan that probed rate_limit_buckets_window_start_idx and filtered every bucket of the
-- current window, calling app.hash_subject() (and app.setting()) once per row: ~50 ms per call
-- with 3,700 buckets in the hour. PostgREST keeps its connections, so a plan made while the table
-- was nearly empty (statistics from an ANALYZE of the empty table: window_start then looks as
-- selective as the primary key, and the narrower index wins) served every later call. With real
-- statistics all buckets of a window share one window_start and the primary key wins; but the plan
-- must not depend on when the table was last analysed.
--
--   - the primary key leads with window_start (window_start, scope, subject_hash): it serves both
--     the look-up (all three columns equal) and the pruning of old windows (a range on its first
--     column), so the separate window_start index goes; there is no index left that a look-up
--     could use wrongly, and one index fewer to write per new bucket;
--   - app.rate_limit_reached() plans its look-up for each call (plan_cache_mode =
--     force_custom_plan): a generic plan made on a near-empty table would be a sequential scan
--     kept for the life of the connection; planning with the table's current size picks the key;
--   - the subject is hashed once, before the look-up, never per row.
--
-- Objects: app.rate_limit_buckets (primary key, index), app.rate_limit_reached().

alter table app.rate_limit_buckets
  drop constraint rate_limit_buckets_pkey,
  add constraint rate_limit_buckets_pkey primary key (window_start, scope, subject_hash);
drop index app.rate_limit_buckets_window_start_idx;

/* True when the subject has already used up the current window (does not count a hit). */
create or replace function app.rate_limit_reached(scope text, subject text)
returns boolean
language plpgsql stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  rule jsonb := app.setting('rate_limit.' || scope);
  window_seconds integer := greatest(coalesce((rule ->> 'window_seconds')::integer, 3600), 1);
  started timestamptz := to_timestamp(floor(extract(epoch from now()) / window_seconds) * window_seconds);
  hashed text := app.hash_subject(scope, subject);
begin
  return coalesce((
    select b.hits from app.rate_limit_buckets b
    where b.window_start = started
      and b.scope = rate_limit_reached.scope
      and b.subject_hash = hashed
  ), 0) >= coalesce((rule ->> 'max')::integer, 0);
end
$$;
comment on function app.rate_limit_reached(text, text) is 'Whether a subject has used up the current window of a rate limit (no hit counted). Planned per call, so that its look-up is the primary key at any table size and whatever the statistics.';
