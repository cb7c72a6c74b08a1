-- The team queue in pages, with true counts.
--
-- public.team_queue(team_id, pool) returned the 500 oldest open requests at most and counted
-- "waiting" over those only: a team with 1,000 open requests saw 250 waiting when 500 were, the
-- province pool showed 500 of 2,974, the newest requests past 500 were not there, and each
-- 30-second refresh sent about 690 bytes per request (339 kB for a big team). It now takes a page
-- size (default 50, at most 500) and returns the true number open in scope (total) and waiting,
-- counted on the same indexes, with the page_size oldest requests (oldest first: the most urgent).
--
-- A third argument beside the old function would be an overload PostgREST cannot choose between,
-- so the old one is dropped and the new one created with the same security.
--
-- Objects: public.team_queue(bigint, boolean) dropped; public.team_queue(bigint, boolean, integer).

drop function public.team_queue(bigint, boolean);

/* Security definer (search_path pinned, every name qualified). Members: their team's open
   requests. Admins: any team's (team_id), or the province pool (pool, or when they are on no team).
   The page_size oldest first, with the true counts in scope. */
create function public.team_queue(team_id bigint default null, pool boolean default false, page_size integer default 50)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  me app.members;
  scope bigint;
  in_pool boolean := coalesce(team_queue.pool, false);
  ids bigint[];
  items jsonb;
  open_count bigint;
  waiting_count bigint;
begin
  perform app.require_post();
  me := app.require_member();
  if team_queue.page_size is null or team_queue.page_size not between 1 and 500 then
    perform app.raise_code('payload_invalid');
  end if;
  if in_pool and me.role <> 'admin' then
    perform app.raise_code('forbidden');
  end if;
  if not in_pool then
    scope := coalesce(team_queue.team_id, me.team_id);
    if me.role <> 'admin' and scope is distinct from me.team_id then
      perform app.raise_code('forbidden');
    end if;
    in_pool := scope is null;
  end if;

  -- Plain queries, so each uses its index: the partial help_requests_unassigned_idx for the pool,
  -- help_requests_team_id_status_idx (team_id, status) for a team, whose counts read the index only.
  if in_pool then
    ids := array(select x.id from app.help_requests x where x.status = 'unassigned'
                 order by x.created_at, x.id limit team_queue.page_size);
    select count(*) into open_count from app.help_requests x where x.status = 'unassigned';
    waiting_count := open_count;
  else
    ids := array(select x.id from app.help_requests x where x.team_id = scope and x.status in ('assigned', 'accepted')
                 order by x.created_at, x.id limit team_queue.page_size);
    select count(*), count(*) filter (where x.status = 'assigned') into open_count, waiting_count
    from app.help_requests x where x.team_id = scope and x.status in ('assigned', 'accepted');
  end if;
  select coalesce(jsonb_agg(app.team_request_summary(h, me) order by h.created_at, h.id), '[]'::jsonb) into items
  from app.help_requests h
  where h.id = any (ids);

  return jsonb_build_object(
    'pool', in_pool,
    'team', (select jsonb_build_object('id', t.id, 'code', t.code, 'name', t.name) from app.teams t where t.id = scope),
    -- A request may close between the queries: the total never says fewer than the list shows.
    'total', greatest(open_count, jsonb_array_length(items)),
    'waiting', waiting_count,
    'items', items
  );
end
$$;
comment on function public.team_queue(bigint, boolean, integer) is 'Open requests of the caller''s team, oldest first (admins: any team by id, or the province pool): the page_size oldest (default 50, 1 to 500). {pool, team {id, code, name} | null, total (open in scope), waiting (in scope, not yet accepted), items: [summary]}; summaries hold no personal data. Errors: not_member, payload_invalid, forbidden. POST only.';
grant execute on function public.team_queue(bigint, boolean, integer) to authenticated;
