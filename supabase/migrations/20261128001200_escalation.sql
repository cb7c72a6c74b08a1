-- Escalation: requests nobody accepts move on by themselves.
--
-- app.escalate_stale_requests() takes every request that has been assigned to a team for longer
-- than escalation.accept_within_minutes without being accepted, and routes it again to the nearest
-- candidate team that has never had it (app.route_help_request with the teams already tried
-- excluded, so the same rules apply: coverage or radius, capacity, locks). After
-- escalation.max_moves such moves, or when no candidate is left, it goes to the province pool
-- (status unassigned) for admins. Each move is one audit event of kind escalated.
--
-- A run takes the stale requests once (rows locked with skip locked, so two overlapping runs never
-- move one request twice) and each moved request starts a new acceptance period, so running again
-- at once moves nothing. It runs every minute through app.run_scheduled_jobs() (scheduled jobs
-- migration).
--
-- Objects: app.escalate_stale_requests().

/* Not callable by any API role; run by pg_cron, the local stack's job runner, or tests. */
create function app.escalate_stale_requests()
returns jsonb
language plpgsql volatile
set search_path = ''
as $$
declare
  max_moves integer := greatest(coalesce((app.setting('escalation.max_moves') #>> '{}')::integer, 2), 0);
  stale record;
  moves integer;
  tried bigint[];
  status_now text;
  checked integer := 0;
  moved integer := 0;
  pooled integer := 0;
begin
  for stale in
    select h.id, h.team_id
    from app.help_requests h
    where h.status = 'assigned' and h.assigned_at <= now() - app.accept_within()
    order by h.assigned_at, h.id
    for update skip locked
  loop
    checked := checked + 1;
    -- Every team that ever had the request (routed, handed over, moved here), and the moves so far.
    select count(*) filter (where e.kind = 'escalated'),
           coalesce(array_agg(distinct e.team_id) filter (
             where e.team_id is not null and e.kind in ('assigned', 'handed_over', 'escalated')), '{}')
      into moves, tried
    from app.request_events e
    where e.request_id = stale.id;
    tried := array_append(tried, stale.team_id);

    if moves >= max_moves then
      update app.help_requests h
      set status = 'unassigned', team_id = null, assigned_at = null, updated_at = now()
      where h.id = stale.id;
      insert into app.request_events (request_id, kind, status_after, reason, actor, detail)
      values (stale.id, 'escalated', 'unassigned', 'hop_limit', 'system',
        jsonb_build_object('from_team_id', stale.team_id, 'move', moves + 1, 'max_moves', max_moves));
      pooled := pooled + 1;
    else
      perform app.route_help_request(stale.id, tried, 'system');
      -- Routing recorded its decision (assigned to the next team, or unassigned when none is left)
      -- as the request's newest event: that event is this move, so it is marked as one.
      update app.request_events e
      set kind = 'escalated',
          detail = e.detail || jsonb_build_object('from_team_id', stale.team_id, 'move', moves + 1, 'max_moves', max_moves)
      where e.id = (select max(x.id) from app.request_events x where x.request_id = stale.id);
      select h.status into status_now from app.help_requests h where h.id = stale.id;
      if status_now = 'unassigned' then
        pooled := pooled + 1;
      else
        moved := moved + 1;
      end if;
    end if;
  end loop;
  return jsonb_build_object('checked', checked, 'moved', moved, 'pooled', pooled);
end
$$;
comment on function app.escalate_stale_requests() is 'Moves assigned requests not accepted within escalation.accept_within_minutes to the next candidate team not yet tried, or after escalation.max_moves moves (or with no candidate left) to the province pool; one escalated event per move. Returns {checked, moved, pooled}.';
