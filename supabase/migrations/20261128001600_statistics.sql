-- Statistics: the public figures of the home page, and where help is needed and how fast it is
-- given, for admins and team leaders.
--
-- Counts only, never personal data. portal_stats is open to anyone (anon); request_statistics to
-- admins (the province, or one team) and team leaders (their own team).
--
-- Objects: public.portal_stats(), public.request_statistics() (setting
--          statistics.stale_accepted_days is in the settings migration; the facts it reads, in the
--          statistics facts migration).

/* The home page's live figures: how many communes and active teams the portal serves. The first
   public RPC, and the smallest end-to-end proof of the stack (browser → supabase-js → PostgREST →
   Postgres). Security definer because anon has no privileges on schema app; it returns only two
   counts, never rows. */
create function public.portal_stats()
returns json
language sql stable security definer
set search_path = ''
as $$
  select json_build_object(
    'communes', (select count(*) from app.communes),
    'teams', (select count(*) from app.teams where active)
  )
$$;
comment on function public.portal_stats() is 'Counts of communes and active teams served by the portal, for the home page. No personal data.';
grant execute on function public.portal_stats() to anon, authenticated;

/* One RPC answers the whole statistics page, so its figures come from one snapshot. Security
   definer: authenticated has no privilege on schema app. Admins: any team or the whole province,
   with the province-wide poster scans and guide feedback (this is where admins read poster scans);
   leaders: their own team only (forbidden otherwise); everyone else: forbidden. Counts only, plus
   reference codes of the requests waiting longest (with commune and age): no name, phone, address,
   point, description or note is ever read here. Dates are days in Vietnam time
   (Asia/Ho_Chi_Minh), weeks start on Monday.
   The requests of the range are read from app.request_facts (statistics facts migration), one
   narrow row per request kept by triggers, not from the wide help_requests rows: at a year of the
   province (~200,000 requests) that is 0.3–0.4 s a call instead of 1.1–1.6 s. */
create function public.request_statistics(
  from_day date default null,
  to_day date default null,
  team_id bigint default null
)
returns jsonb
language plpgsql stable security definer
set search_path = ''
-- The percentiles sort ~175,000 minutes each for a year of the province: in memory, not on disk.
set work_mem = '64MB'
-- Planned for each call's range and scope: a cached generic plan guesses how many days the range
-- holds and may walk the day index through a whole year of facts.
set plan_cache_mode = 'force_custom_plan'
as $$
declare
  me app.members := app.caller_member();
  is_admin boolean := coalesce(app.is_admin(), false);
  scope_team bigint := request_statistics.team_id;
  last_day date := coalesce(to_day, (now() at time zone 'Asia/Ho_Chi_Minh')::date);
  first_day date := coalesce(from_day, coalesce(to_day, (now() at time zone 'Asia/Ho_Chi_Minh')::date) - 89);
  range_start timestamptz;
  range_end timestamptz;
  accept_window interval := make_interval(mins => greatest(coalesce((app.setting('escalation.accept_within_minutes') #>> '{}')::integer, 360), 1));
  stale_days integer := greatest(coalesce((app.setting('statistics.stale_accepted_days') #>> '{}')::integer, 7), 1);
  result jsonb;
begin
  if not is_admin then
    if me.id is null or me.role <> 'leader' or (scope_team is not null and scope_team <> me.team_id) then
      raise exception using message = 'forbidden', errcode = '42501';
    end if;
    scope_team := me.team_id;
  end if;
  if first_day > last_day or last_day - first_day > 366 then
    perform app.raise_code('range_invalid');
  end if;
  range_start := (first_day::timestamp) at time zone 'Asia/Ho_Chi_Minh';
  range_end := ((last_day + 1)::timestamp) at time zone 'Asia/Ho_Chi_Minh';

  -- The facts of the range are read twice (narrow rows, not materialized): one pass counts them at
  -- once (grouping sets) by day × status × outcome × rating (~25 groups a day, from which the totals,
  -- statuses, outcomes, ratings and weeks are summed), by commune and by needs; one sorts the stored
  -- minutes for the percentiles.
  with r as not materialized (
    select f.status, f.outcome, f.commune_code, f.needs, f.day, f.helped, f.accept_minutes, f.close_minutes
    from app.request_facts f
    where f.day between first_day and last_day
      and (scope_team is null or f.team_id = scope_team)
  ), counts as (
    select case when grouping(r.day) = 0 then 'day' when grouping(r.commune_code) = 0 then 'commune' else 'needs' end as dim,
           r.day, r.status, r.outcome, r.helped, r.commune_code, r.needs, count(*) as n
    from r
    group by grouping sets ((r.day, r.status, r.outcome, r.helped), (r.commune_code), (r.needs))
  ), times as (
    -- One sort per measure: both percentiles from the same ordered input.
    select count(r.accept_minutes) as accepted,
      percentile_cont(array[0.5, 0.9]::float8[]) within group (order by r.accept_minutes) as accept_minutes,
      count(r.close_minutes) as closed,
      percentile_cont(array[0.5, 0.9]::float8[]) within group (order by r.close_minutes) as close_minutes
    from r
  ), open_now as (
    select h.id, h.reference_code, h.status, h.commune_code, h.team_id, h.created_at, h.assigned_at, h.accepted_at
    from app.help_requests h
    where h.status in ('unassigned', 'assigned', 'accepted')
      and (scope_team is null or h.team_id = scope_team)
  )
  select jsonb_build_object(
    'scope', jsonb_build_object(
      'from', first_day, 'to', last_day, 'team_id', scope_team,
      'team_name', (select t.name from app.teams t where t.id = scope_team),
      'province', is_admin and scope_team is null),
    'total', (select coalesce(sum(x.n), 0) from counts x where x.dim = 'day'),
    'by_status', (
      select jsonb_object_agg(s.status, coalesce(x.n, 0))
      from unnest(array['unassigned', 'assigned', 'accepted', 'closed', 'cancelled']) s(status)
      left join (select y.status, sum(y.n) as n from counts y where y.dim = 'day' group by 1) x on x.status = s.status),
    'by_outcome', coalesce((
      select jsonb_object_agg(x.outcome, x.n)
      from (select y.outcome, sum(y.n) as n from counts y where y.dim = 'day' and y.outcome is not null group by 1) x), '{}'::jsonb),
    'by_commune', coalesce((
      select jsonb_agg(jsonb_build_object('commune_code', x.commune_code, 'commune_name', c.name, 'count', x.n)
        order by x.n desc, c.name)
      from counts x join app.communes c on c.code = x.commune_code where x.dim = 'commune'), '[]'::jsonb),
    'by_need', coalesce((
      select jsonb_agg(jsonb_build_object('need', x.need, 'count', x.n) order by x.n desc, x.need)
      from (select n.need, sum(y.n) as n from counts y cross join unnest(y.needs) n(need)
            where y.dim = 'needs' group by n.need) x), '[]'::jsonb),
    'by_week', (
      select jsonb_agg(jsonb_build_object('week', w.week::date, 'count', coalesce(x.n, 0)) order by w.week)
      from generate_series(date_trunc('week', first_day::timestamp), date_trunc('week', last_day::timestamp), interval '1 week') w(week)
      left join (select date_trunc('week', y.day::timestamp) as week, sum(y.n) as n from counts y
                 where y.dim = 'day' group by 1) x on x.week = w.week),
    'time_to_accept', (
      select jsonb_build_object('count', t.accepted, 'median_minutes', round(t.accept_minutes[1]::numeric, 1),
        'p90_minutes', round(t.accept_minutes[2]::numeric, 1)) from times t),
    'time_to_close', (
      select jsonb_build_object('count', t.closed, 'median_minutes', round(t.close_minutes[1]::numeric, 1),
        'p90_minutes', round(t.close_minutes[2]::numeric, 1)) from times t),
    'waiting_longest', coalesce((
      select jsonb_agg(jsonb_build_object('reference_code', x.reference_code, 'status', x.status,
        'commune_name', c.name, 'team_code', t.code,
        'waiting_minutes', floor(extract(epoch from now() - x.created_at) / 60)) order by x.created_at, x.id)
      from (select * from open_now o where o.status in ('unassigned', 'assigned') order by o.created_at, o.id limit 10) x
      join app.communes c on c.code = x.commune_code
      left join app.teams t on t.id = x.team_id), '[]'::jsonb),
    'stale_teams', coalesce((
      select jsonb_agg(jsonb_build_object('team_id', t.id, 'team_code', t.code, 'team_name', t.name,
        'not_accepted', x.not_accepted, 'accepted_not_closed', x.accepted_open,
        'oldest_minutes', floor(extract(epoch from now() - x.oldest) / 60)) order by x.oldest, t.code)
      from (
        select o.team_id,
          count(*) filter (where o.status = 'assigned' and o.assigned_at < now() - accept_window) as not_accepted,
          count(*) filter (where o.status = 'accepted' and o.accepted_at < now() - make_interval(days => stale_days)) as accepted_open,
          min(o.created_at) as oldest
        from open_now o
        where o.team_id is not null
          and ((o.status = 'assigned' and o.assigned_at < now() - accept_window)
            or (o.status = 'accepted' and o.accepted_at < now() - make_interval(days => stale_days)))
        group by o.team_id
      ) x join app.teams t on t.id = x.team_id), '[]'::jsonb),
    'stale_rules', jsonb_build_object('accept_within_minutes', extract(epoch from accept_window) / 60,
      'accepted_days', stale_days),
    'poster_scans', case when is_admin and scope_team is null then (
      select jsonb_build_object('total', coalesce(sum(s.scans), 0),
        'top', coalesce((select jsonb_agg(jsonb_build_object('poster', y.poster, 'scans', y.n) order by y.n desc, y.poster)
          from (select p.poster, sum(p.scans) as n from app.poster_scans p
                where p.day between first_day and last_day group by p.poster order by 2 desc, 1 limit 20) y), '[]'::jsonb))
      from app.poster_scans s where s.day between first_day and last_day) end,
    'guide_feedback', case when is_admin and scope_team is null then (
      select jsonb_build_object(
        'helpful', count(*) filter (where f.kind = 'rating' and f.helpful),
        'not_helpful', count(*) filter (where f.kind = 'rating' and not f.helpful),
        'error_reports', count(*) filter (where f.kind = 'error_report'),
        'by_guide', coalesce((select jsonb_agg(jsonb_build_object('guide_code', y.guide_code, 'helpful', y.helpful,
            'not_helpful', y.not_helpful, 'error_reports', y.error_reports)
            order by y.helpful + y.not_helpful + y.error_reports desc, y.guide_code)
          from (select g.guide_code,
                  count(*) filter (where g.kind = 'rating' and g.helpful) as helpful,
                  count(*) filter (where g.kind = 'rating' and not g.helpful) as not_helpful,
                  count(*) filter (where g.kind = 'error_report') as error_reports
                from app.guide_feedback g
                where g.created_at >= range_start and g.created_at < range_end
                group by g.guide_code order by count(*) desc, g.guide_code limit 50) y), '[]'::jsonb))
      from app.guide_feedback f where f.created_at >= range_start and f.created_at < range_end) end,
    -- The citizens' answers after "Đã xong" (app.help_ratings, copied into the facts).
    'help_ratings', jsonb_build_object(
      'helped', (select coalesce(sum(x.n), 0) from counts x where x.dim = 'day' and x.helped),
      'not_helped', (select coalesce(sum(x.n), 0) from counts x where x.dim = 'day' and not x.helped))
  ) into result;
  return result;
end
$$;
comment on function public.request_statistics(date, date, bigint) is 'Statistics of help requests created between from_day and to_day (Vietnam days; default the last 90; at most 367): total, by_status, by_outcome, by_commune, by_need, by_week, time_to_accept and time_to_close {count, median_minutes, p90_minutes}, waiting_longest (open now: reference code, status, commune, team code, minutes), stale_teams, help_ratings {helped, not_helped} (answers of citizens after closing), and for admins province-wide poster_scans and guide_feedback. Read from app.request_facts. Admins: province or one team; leaders: their own team. No personal data. Errors: forbidden, range_invalid.';
grant execute on function public.request_statistics(date, date, bigint) to authenticated;
