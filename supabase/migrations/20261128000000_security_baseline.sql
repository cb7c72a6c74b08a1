-- Security baseline. Runs first, on Supabase and on the local stack alike.
--
-- Supabase grants the API roles (anon, authenticated) everything in schema public by default, and
-- PostgreSQL lets PUBLIC execute every new function. The anon key is public, so whatever those roles
-- can reach is our API. This migration takes the defaults back: every later object is closed until a
-- migration grants it explicitly, function by function.
--
-- Objects: default privileges of the migration role; schema app (private tables, never exposed).

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
