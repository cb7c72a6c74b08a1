-- Security baseline, and the two rules every API function follows. Runs first, on Supabase and on
-- the local stack alike.
--
-- Supabase grants the API roles (anon, authenticated) everything in schema public by default, and
-- PostgreSQL lets PUBLIC execute every new function. The anon key is public, so whatever those roles
-- can reach is our API. This migration takes the defaults back: every later object is closed until a
-- migration grants it explicitly, function by function. All tables live in the private schema app;
-- public holds only the RPC functions.
--
-- The RPCs then (1) refuse any HTTP method but POST when they take personal data or act for a
-- signed-in member, so arguments such as phone numbers never travel in a URL (app.require_post()),
-- and (2) report each rejection as one stable code in the message of errcode P0001, which the site
-- maps to a Vietnamese message (app.raise_code()).
--
-- Objects: default privileges of the migration role; schema app (private tables, never exposed);
--          extension cube (in schema extensions); app.raise_code(), app.require_post().

-- No function is executable by anyone until granted.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from anon, authenticated;

-- Tables and sequences created in public are never reachable by the API roles by default.
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;

-- Private schema for all tables. PostgREST exposes only schema public, which holds functions only.
create schema if not exists app;
comment on schema app is 'Private tables of the portal. Never exposed through the Data API; clients use RPC functions in public.';
revoke all on schema app from public, anon;

-- Extensions live in schema extensions, as on Supabase. cube indexes points for nearest-team search.
create extension if not exists cube with schema extensions;

/* Every rejection is one stable code in the message; PostgREST answers 400 with it. */
create function app.raise_code(code text)
returns void
language plpgsql volatile
set search_path = ''
as $$
begin
  raise exception using message = code, errcode = 'P0001';
end
$$;
comment on function app.raise_code(text) is 'Raises the stable error code as the message of errcode P0001 (HTTP 400 through PostgREST).';

/* PostgREST sets request.method for every request; direct SQL calls (jobs, tests) have none.
   errcode 25006 (read-only transaction) is what PostgREST answers with 405 Method Not Allowed.
   The RPCs that write (booking, status look-ups, the team workspace) are volatile, so PostgREST
   runs a GET on them read-only and they fail anyway; this check comes first, before any argument
   is read, so that phone numbers are never processed from a URL. */
create function app.require_post()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if coalesce(current_setting('request.method', true), '') not in ('', 'POST') then
    raise exception using message = 'post_required', errcode = '25006';
  end if;
end
$$;
comment on function app.require_post() is 'Refuses any HTTP method but POST (405 through PostgREST), so personal data never travels in a URL.';
