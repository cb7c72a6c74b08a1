-- Routing: which team a request goes to, in SQL so that booking, escalation, hand-over
-- suggestions and admin re-routing apply the same rules.
--
-- The nearest active team that covers the commune or whose service radius reaches the point (the
-- citizen's GPS point when given, else the commune's centre), preferring teams under capacity;
-- otherwise the province pool (status unassigned), saying why (no_team_near, all_teams_full). Every
-- decision is an audit event. Capacity holds under concurrency because a team is locked before its
-- open requests are counted, and only the chosen team stays locked (a booking holds at most one team
-- lock, so no deadlocks); every path that assigns requests must lock the team row the same way.
--
-- Objects: app.routing_candidates(), app.choose_route(), app.route_help_request().

/* Teams that may take a request at a point in a commune, nearest first: active teams covering the
   commune (looked up by primary key), and active teams whose service radius reaches the point.
   Distances are straight lines in metres (cube points on the earth's sphere); ties go to the lower
   team id.

   The radius half reads teams_reach_idx, the GiST index of each team's reach (the box of its
   service radius): it returns only the teams whose box holds the point, and the exact distance
   check keeps those whose radius reaches it. It used to walk teams_position_idx in a 100 km box
   (the largest radius allowed), computing a distance to all of Quảng Ninh's 1,500 teams on every
   request. PL/pgSQL rather than LANGUAGE sql so that its plan is cached per session (see
   app.setting(), settings migration). */
create function app.routing_candidates(
  commune_code text,
  point extensions.cube,
  exclude_team_ids bigint[] default '{}',
  max_candidates integer default 20
)
returns table (team_id bigint, distance_m double precision, covers_commune boolean)
language plpgsql stable
set search_path = ''
as $$
begin
  return query
  select c.id, min(c.distance), bool_or(c.covers)
  from (
    select t.id,
           extensions.cube_distance(t.position, routing_candidates.point) as distance,
           true as covers
    from app.teams t
    where t.id = any (array(
        select tc.team_id from app.team_communes tc where tc.commune_code = routing_candidates.commune_code))
      and t.active
      and t.id <> all (routing_candidates.exclude_team_ids)
    union all
    select r.id, r.distance, false
    from (
      select t.id, extensions.cube_distance(t.position, routing_candidates.point) as distance
      from app.teams t
      where t.active
        and extensions.cube_enlarge(t.position, t.service_radius_m + 1, 3) operator(extensions.@>) routing_candidates.point
        and extensions.cube_distance(t.position, routing_candidates.point) <= t.service_radius_m
        and t.id <> all (routing_candidates.exclude_team_ids)
      order by 2, 1
      limit routing_candidates.max_candidates
    ) r
  ) c
  group by c.id
  order by 2, 1
  limit routing_candidates.max_candidates;
end
$$;
comment on function app.routing_candidates(text, extensions.cube, bigint[], integer) is 'Active teams covering the commune or whose service radius reaches the point, nearest first (GiST index of each team''s reach, teams_reach_idx). Recomputable for escalation: pass the teams already tried. PL/pgSQL so that its plan is cached (see app.setting).';

/* The routing decision for a point in a commune (the GPS point when given, else the commune
   centre): candidate teams nearest first; the first active one under capacity, checked after
   locking it. Returns the chosen team (null for the province pool), its distance in metres, which
   point was used, the reason, and how many candidates there were and how many of them were full.

   Only the chosen team stays locked until commit. Each candidate is locked in a subtransaction (the
   block with an exception handler) and, when it is found full or inactive, unlocked again by
   rolling that subtransaction back, so a booking never holds one team while waiting for another:
   no lock order is needed and no deadlock can form. It used to lock all ~20 candidates in id order
   in one statement (one global order against deadlocks): twenty row locks, each a WAL record, on
   every booking (51 WAL records and ~4.0 kB per booking before, 33 and ~3.1 kB after, measured in
   one session with EXPLAIN (ANALYZE, WAL); issue 17), and concurrent bookings near one another
   waited on every team they shared, not only on the team they both chose.

   Shared by request_help, which decides the route BEFORE inserting the request so that it is
   written once, already assigned, and by route_help_request below (escalation, admin re-routing),
   which updates a stored request. Storing the request as unassigned and then updating it with its
   team was a second write of the whole row: every index of app.help_requests again (team and
   status are indexed, so never a HOT update), every check constraint again, a row lock on the new
   row, and about a sixth of the request's WAL. The locks are the same
   either way and held until commit; no other transaction can see the new row before then. */
create function app.choose_route(
  commune_code text,
  gps_lat numeric,
  gps_lon numeric,
  exclude_team_ids bigint[] default '{}',
  out team_id bigint,
  out distance_m integer,
  out route_point text,
  out route_reason text,
  out candidates integer,
  out full_count integer
)
language plpgsql volatile
set search_path = ''
as $$
declare
  point extensions.cube;
  ids bigint[];
  distances double precision[];
  covers boolean[];
  chosen integer;
  team record;
  open_count integer;
  skipped text;
  max_candidates integer := coalesce((app.setting('routing.max_candidates') #>> '{}')::integer, 20);
begin
  full_count := 0;
  if choose_route.gps_lat is not null then
    point := app.earth_point(choose_route.gps_lat::double precision, choose_route.gps_lon::double precision);
    route_point := 'gps';
  else
    select c.position into point from app.communes c where c.code = choose_route.commune_code;
    route_point := 'commune_centre';
  end if;

  select coalesce(array_agg(c.team_id order by c.distance_m, c.team_id), '{}'),
         coalesce(array_agg(c.distance_m order by c.distance_m, c.team_id), '{}'),
         coalesce(array_agg(c.covers_commune order by c.distance_m, c.team_id), '{}')
    into ids, distances, covers
  from app.routing_candidates(choose_route.commune_code, point, choose_route.exclude_team_ids, max_candidates) c;

  -- Nearest first: lock the team, then count its open requests (after the lock, so that every
  -- booking committed on it meanwhile is counted). A team found inactive or full is unlocked again
  -- (the subtransaction of the block rolls back, and its row lock with it) before the next one is
  -- tried, so a booking holds at most one team lock at any time, and waits for a lock holding none.
  for i in 1 .. coalesce(cardinality(ids), 0) loop
    skipped := null;
    begin
      select t.active, t.capacity into team from app.teams t where t.id = ids[i] for update;
      if team.active is false then
        -- A team deactivated since the candidates were read is skipped.
        skipped := 'inactive';
      else
        select count(*) into open_count from app.help_requests h
        where h.team_id = ids[i] and h.status in ('assigned', 'accepted');
        if open_count < team.capacity then
          chosen := i;
          exit;
        end if;
        skipped := 'full';
      end if;
      raise exception using errcode = 'QNR01', message = 'team_skipped';
    exception when sqlstate 'QNR01' then
      if skipped = 'full' then
        full_count := full_count + 1;
      end if;
    end;
  end loop;

  candidates := coalesce(cardinality(ids), 0);
  if chosen is not null then
    team_id := ids[chosen];
    distance_m := round(distances[chosen])::integer;
    route_reason := case when covers[chosen] then 'coverage' else 'radius' end;
  else
    route_reason := case when candidates = 0 then 'no_team_near' else 'all_teams_full' end;
  end if;
end
$$;
comment on function app.choose_route(text, numeric, numeric, bigint[]) is 'Routing decision for a point in a commune: returns the nearest active candidate team under capacity, checked under its row lock (or none: province pool; only the chosen team stays locked, one team lock at a time, so no deadlocks) with distance, point used, reason, candidate and full counts. Shared by request_help (which routes before inserting, so a new request is written once, already assigned) and route_help_request.';

/* Routes a stored request again: locks it, takes app.choose_route()'s decision (excluding the
   teams already tried), then assigns the chosen team or puts the request in the province pool
   (status unassigned) saying why, and records the decision as an event. Used by escalation and by
   admin re-routing of a deactivated team's requests; a new booking routes before it is stored
   (public.request_help). */
create function app.route_help_request(
  request_id bigint,
  exclude_team_ids bigint[] default '{}',
  actor text default 'system'
)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  req record;
  r record;
begin
  select h.id, h.commune_code, h.gps_lat, h.gps_lon into req
  from app.help_requests h where h.id = route_help_request.request_id
  for update;

  r := app.choose_route(req.commune_code, req.gps_lat, req.gps_lon, route_help_request.exclude_team_ids);

  if r.team_id is not null then
    update app.help_requests h set
      status = 'assigned',
      team_id = r.team_id,
      route_point = r.route_point,
      route_distance_m = r.distance_m,
      route_reason = r.route_reason,
      assigned_at = now(),
      updated_at = now()
    where h.id = req.id;
    insert into app.request_events (request_id, kind, status_after, team_id, distance_m, reason, actor, detail)
    values (req.id, 'assigned', 'assigned', r.team_id, r.distance_m, r.route_reason, route_help_request.actor,
      jsonb_build_object('point', r.route_point, 'candidates', r.candidates, 'full', r.full_count));
  else
    update app.help_requests h set
      status = 'unassigned',
      team_id = null,
      route_point = r.route_point,
      route_distance_m = null,
      route_reason = r.route_reason,
      assigned_at = null,
      updated_at = now()
    where h.id = req.id;
    insert into app.request_events (request_id, kind, status_after, reason, actor, detail)
    values (req.id, 'unassigned', 'unassigned', r.route_reason, route_help_request.actor,
      jsonb_build_object('point', r.route_point, 'candidates', r.candidates, 'full', r.full_count));
  end if;
end
$$;
comment on function app.route_help_request(bigint, bigint[], text) is 'Assigns a request to the nearest candidate team under capacity (locking the chosen team), or to the province pool; records the decision as an event.';
