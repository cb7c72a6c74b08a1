-- Statistics facts: request_statistics reads a narrow copy of what it counts, one row per request,
-- instead of the wide help_requests rows (names, addresses, descriptions, routing details).
--
-- With a year of the province (~200,000 requests, tests/bench/year-data.ts) the function read
-- help_requests twice (~16,000 pages each time), joined help_ratings, converted every creation time
-- to a Vietnam week and every duration through numeric arithmetic: 1.1–1.6 s a call. The facts
-- row holds the figures already derived (the Vietnam day, the minutes to acceptance and to closing,
-- the citizen's rating), so a call reads narrow rows, counts them in three hash tables (day ×
-- status × outcome × rating, commune, needs; totals and weeks are summed from the days afterwards)
-- and sorts the stored minutes.
--
-- Kept exactly right by row triggers on help_requests and help_ratings: one row written per
-- booking (insert) and per change of a counted column (routing, acceptance, closing, rating). A
-- request's own row only, so concurrent bookings never wait on each other here (no shared counter
-- rows). Rows written with triggers off (session_replication_role = replica, as the year-data
-- benchmark loads) are brought back by app.rebuild_request_facts().
--
-- Objects: app.request_facts, app.request_facts_row(), app.request_facts_sync(),
--          app.request_facts_rating(), app.rebuild_request_facts(). public.request_statistics()
--          (statistics migration) reads them. After help_ratings (help rating migration), whose
--          rows the facts copy.

/* No personal data: the request id, its Vietnam day, team, status, outcome, commune, needs, the two
   durations and the yes/no rating. */
create table app.request_facts (
  request_id bigint primary key references app.help_requests (id) on delete cascade,
  -- created_at as a day in Vietnam time (Asia/Ho_Chi_Minh), the unit of the statistics' ranges
  day date not null,
  team_id bigint,
  status text not null,
  outcome text,
  commune_code text not null,
  needs text[] not null,
  -- extract(epoch from accepted_at - created_at) / 60, stored as the float8 the percentiles sort
  accept_minutes float8,
  -- extract(epoch from closed_at - created_at) / 60
  close_minutes float8,
  -- app.help_ratings.helped; null while the citizen has not answered
  helped boolean
);
comment on table app.request_facts is 'What request_statistics counts, one narrow row per help request (Vietnam day, team, status, outcome, commune, needs, minutes to accept and to close, rating), kept by triggers on help_requests and help_ratings. No personal data.';
alter table app.request_facts enable row level security;
-- A team's range (leaders, admins narrowing to a team); the province reads by day.
create index request_facts_team_id_day_idx on app.request_facts (team_id, day);
create index request_facts_day_idx on app.request_facts (day);

/* The facts row of one request, as the statistics derive it. One place, used by the trigger and
   the rebuild, so both write the same values.
   PL/pgSQL rather than LANGUAGE sql: every booking runs it (trigger below), and a SQL function with
   a SET clause is never inlined, so it was parsed and planned again in each booking's transaction
   (about 0.1 ms of CPU per booking at a year's size, tests/db/booking-commit-and-plans.test.ts; see
   app.setting(), settings migration). Its body is one expression: PL/pgSQL's fast path. */
create function app.request_facts_row(h app.help_requests)
returns app.request_facts
language plpgsql immutable
set search_path = ''
as $$
begin
  return row(h.id, (h.created_at at time zone 'Asia/Ho_Chi_Minh')::date, h.team_id, h.status, h.outcome,
             h.commune_code, h.needs, extract(epoch from h.accepted_at - h.created_at) / 60,
             extract(epoch from h.closed_at - h.created_at) / 60, null::boolean)::app.request_facts;
end
$$;
comment on function app.request_facts_row(app.help_requests) is 'The app.request_facts row of a help request (helped left null: it comes from app.help_ratings). PL/pgSQL so that it is not planned again in every booking (see app.setting).';

/* Trigger on help_requests: a new request gets its row; a change of a counted column rewrites it
   (the rating is kept). Deleting a request deletes its row (foreign key, cascade). */
create function app.request_facts_sync()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  f app.request_facts := app.request_facts_row(new);
begin
  if tg_op = 'INSERT' then
    insert into app.request_facts values (f.*);
  else
    update app.request_facts x set day = f.day, team_id = f.team_id, status = f.status,
      outcome = f.outcome, commune_code = f.commune_code, needs = f.needs, accept_minutes = f.accept_minutes,
      close_minutes = f.close_minutes
    where x.request_id = old.id;
  end if;
  return null;
end
$$;
comment on function app.request_facts_sync() is 'Trigger: keeps a help request''s app.request_facts row (insert, or a change of a counted column).';

create trigger request_facts_insert
  after insert on app.help_requests
  for each row execute function app.request_facts_sync();
-- Only the columns the statistics count: contact attempts, notes, erasure and the like write nothing.
create trigger request_facts_update
  after update of created_at, team_id, status, outcome, commune_code, needs, accepted_at, closed_at
  on app.help_requests
  for each row
  when ((old.created_at, old.team_id, old.status, old.outcome, old.commune_code, old.needs, old.accepted_at, old.closed_at)
        is distinct from
        (new.created_at, new.team_id, new.status, new.outcome, new.commune_code, new.needs, new.accepted_at, new.closed_at))
  execute function app.request_facts_sync();

/* Trigger on help_ratings: the rating of the request's row (null again when a rating goes). */
create function app.request_facts_rating()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update app.request_facts x set helped = null where x.request_id = old.request_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update app.request_facts x set helped = new.helped where x.request_id = new.request_id;
  end if;
  return null;
end
$$;
comment on function app.request_facts_rating() is 'Trigger: copies a help rating (helped yes/no) into the request''s app.request_facts row.';

create trigger request_facts_rating
  after insert or update or delete on app.help_ratings
  for each row execute function app.request_facts_rating();

/* All facts again from help_requests and help_ratings: for rows written with triggers off (a bulk
   load as replica, a restore). Returns the number of requests. */
create function app.rebuild_request_facts()
returns bigint
language plpgsql volatile
set search_path = ''
as $$
declare
  n bigint;
begin
  lock table app.request_facts in exclusive mode;
  delete from app.request_facts;
  -- In FROM (lateral), so the row function runs once per request, not once per column.
  insert into app.request_facts
  select f.request_id, f.day, f.team_id, f.status, f.outcome, f.commune_code, f.needs, f.accept_minutes,
         f.close_minutes, r.helped
  from app.help_requests h
  cross join lateral app.request_facts_row(h) f
  left join app.help_ratings r on r.request_id = h.id;
  get diagnostics n = row_count;
  return n;
end
$$;
comment on function app.rebuild_request_facts() is 'Rewrites app.request_facts from help_requests and help_ratings (after rows were written with triggers off); returns the number of requests.';

select app.rebuild_request_facts();
