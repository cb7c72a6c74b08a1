-- Public figures for the home page: how many communes and active teams the portal serves.
--
-- The first public RPC, and the smallest end-to-end proof of the stack
-- (browser → supabase-js → PostgREST → Postgres). It returns counts only, never rows.
--
-- Objects: public.portal_stats().

/* Security definer because anon has no privileges on schema app; it returns only two counts. */
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
