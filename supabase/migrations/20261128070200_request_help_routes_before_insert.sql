-- request_help: route first, then store the request once, already assigned.
--
-- request_help stored every new request as unassigned and then app.route_help_request() updated
-- that row with the team. The update is a second write of the whole row: every index of
-- app.help_requests again (team and status are indexed, so it is never a HOT update), every check
-- constraint again, a row lock on the new row, and about a sixth of the request's WAL. The routing
-- decision itself moves into app.choose_route(), which both paths now share:
--
--   request_help          choose_route() → insert the request with its route → events
--   route_help_request    lock the stored request → choose_route() → update it → event
--                         (escalation, admin re-routing: unchanged behaviour)
--
-- The decision, the locks and their order are the same as before: every candidate team is locked
-- in id order before open requests are counted, and the locks are held until commit. The request
-- row now appears after the team locks instead of before them; no other transaction can see or lock
-- it before commit either way. Events are unchanged: 'received' (status_after unassigned), then
-- 'assigned' or 'unassigned' with the same reason and detail.
--
-- Objects: app.choose_route() (new), app.route_help_request() and public.request_help() (replaced,
--          same signatures, answers and errors).

/* The routing decision for a point in a commune (the GPS point when given, else the commune
   centre): candidate teams nearest first, all of them locked in id order (one global order, so no
   deadlocks), then the first active one under capacity. Returns the chosen team (null for the
   province pool), its distance in metres, which point was used, the reason, and how many
   candidates there were and how many of them were full. */
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

  perform 1 from app.teams t where t.id = any (ids) order by t.id for update;

  for i in 1 .. coalesce(cardinality(ids), 0) loop
    select t.active, t.capacity into team from app.teams t where t.id = ids[i];
    -- A team deactivated while this transaction waited for its lock is skipped.
    continue when not team.active;
    select count(*) into open_count from app.help_requests h
    where h.team_id = ids[i] and h.status in ('assigned', 'accepted');
    if open_count < team.capacity then
      chosen := i;
      exit;
    end if;
    full_count := full_count + 1;
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
comment on function app.choose_route(text, numeric, numeric, bigint[]) is 'Routing decision for a point in a commune: locks every candidate team (id order), returns the nearest active one under capacity (or none: province pool) with distance, point used, reason, candidate and full counts. Shared by request_help and route_help_request.';

create or replace function app.route_help_request(
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

create or replace function public.request_help(request jsonb default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  v jsonb;
  contact text;
  address text;
  existing record;
  new_id bigint;
  code text;
  r record;
begin
  perform app.require_post();
  v := app.validate_help_request(request);
  contact := coalesce(v ->> 'helper_phone', v ->> 'phone');

  -- A repeated submission (double tap, reload, retry after a lost answer) gets the first answer.
  select h.id, coalesce(h.helper_phone, h.citizen_phone) as contact into existing
  from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
  if found then
    if existing.contact is distinct from contact then
      perform app.raise_code('idempotency_conflict');
    end if;
    return app.help_request_answer(existing.id);
  end if;

  -- Cheap refusal before any write when a limit is already used up (counted for real below).
  address := app.client_address();
  if app.rate_limit_reached('request_help.per_phone', contact) then
    perform app.raise_code('rate_limited_phone');
  end if;
  if app.rate_limit_reached('request_help.per_address', address) then
    perform app.raise_code('rate_limited_address');
  end if;

  -- A clash of 44-bit codes is astronomically rare; the unique constraint is the last word.
  loop
    code := app.new_reference_code();
    exit when not exists (select 1 from app.help_requests h where h.reference_code = code);
  end loop;

  -- Routing locks the candidate teams until commit (see app.choose_route).
  r := app.choose_route(v ->> 'commune_code', (v ->> 'gps_lat')::numeric, (v ->> 'gps_lon')::numeric);

  insert into app.help_requests (
    reference_code, idempotency_key, commune_code, needs, guide_code, guide_step, time_window,
    source_poster, on_behalf, verification_word, consent_version, consented_at, status, gps_ignored,
    team_id, route_point, route_distance_m, route_reason, assigned_at,
    citizen_name, citizen_phone, helper_name, helper_phone, address, description, gps_lat, gps_lon
  ) values (
    code,
    (v ->> 'idempotency_key')::uuid,
    v ->> 'commune_code',
    array(select jsonb_array_elements_text(v -> 'needs')),
    v ->> 'guide_code',
    (v ->> 'guide_step')::smallint,
    v ->> 'time_window',
    v ->> 'source_poster',
    (v ->> 'on_behalf')::boolean,
    app.new_verification_word(),
    v ->> 'consent_version',
    now(),
    case when r.team_id is null then 'unassigned' else 'assigned' end,
    (v ->> 'gps_ignored')::boolean,
    r.team_id,
    r.route_point,
    r.distance_m,
    r.route_reason,
    case when r.team_id is not null then now() end,
    v ->> 'name',
    v ->> 'phone',
    v ->> 'helper_name',
    v ->> 'helper_phone',
    v ->> 'address',
    v ->> 'description',
    (v ->> 'gps_lat')::numeric,
    (v ->> 'gps_lon')::numeric
  )
  on conflict (idempotency_key) do nothing
  returning id into new_id;

  if new_id is null then
    -- The same key committed in a parallel transaction while this one waited: answer as a replay.
    select h.id, coalesce(h.helper_phone, h.citizen_phone) as contact into existing
    from app.help_requests h where h.idempotency_key = (v ->> 'idempotency_key')::uuid;
    if existing.contact is distinct from contact then
      perform app.raise_code('idempotency_conflict');
    end if;
    return app.help_request_answer(existing.id);
  end if;

  insert into app.request_events (request_id, kind, status_after, actor, detail)
  values (new_id, 'received', 'unassigned', 'citizen',
    jsonb_build_object('on_behalf', (v ->> 'on_behalf')::boolean, 'gps', v ->> 'gps_lat' is not null,
      'gps_ignored', (v ->> 'gps_ignored')::boolean));

  -- The routing decision, recorded as route_help_request records it.
  if r.team_id is not null then
    insert into app.request_events (request_id, kind, status_after, team_id, distance_m, reason, actor, detail)
    values (new_id, 'assigned', 'assigned', r.team_id, r.distance_m, r.route_reason, 'system',
      jsonb_build_object('point', r.route_point, 'candidates', r.candidates, 'full', r.full_count));
  else
    insert into app.request_events (request_id, kind, status_after, reason, actor, detail)
    values (new_id, 'unassigned', 'unassigned', r.route_reason, 'system',
      jsonb_build_object('point', r.route_point, 'candidates', r.candidates, 'full', r.full_count));
  end if;

  if not app.rate_limit_take('request_help.per_phone', contact) then
    perform app.raise_code('rate_limited_phone');
  end if;
  if not app.rate_limit_take('request_help.per_address', address) then
    perform app.raise_code('rate_limited_address');
  end if;

  return app.help_request_answer(new_id);
end
$$;
