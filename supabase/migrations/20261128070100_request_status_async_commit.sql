-- request_status: its transaction commits without waiting for the WAL flush.
--
-- A status look-up reads the request and writes only rate-limit counters (lookup.per_address on
-- every call, lookup.per_code after a wrong phone). With synchronous commit each look-up waited for
-- its own WAL flush (fsync), the largest part of its time in the database once the helper functions
-- kept their plans (20261128070000). An asynchronous commit is still atomic and consistent; what a
-- crash of the database server can lose is the last few hundred milliseconds of committed
-- transactions (at most three wal_writer_delay periods). For these counters that means a client
-- might get a handful more look-ups than its limit right after a server crash, which nobody can
-- cause from outside and which protects nothing that matters; the look-up itself changes no data.
--
-- Bookings stay durable: public.request_help and public.cancel_request are untouched and commit
-- synchronously (a request once sent, or a cancellation once confirmed, must survive a crash).
-- set_config(..., true) lasts until the end of the current transaction (PostgREST runs each call in
-- its own), and a setting changed inside a function applies to the whole transaction unless the
-- function's own SET clause names it (this one's names only search_path).
--
-- Objects: public.request_status() (replaced: same arguments, answer, checks and grants).

create or replace function public.request_status(code text default null, phone text default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request_id bigint;
begin
  perform app.require_post();
  -- Only rate-limit counters are written below: no need to wait for the WAL flush (see above).
  perform set_config('synchronous_commit', 'off', true);
  if not app.rate_limit_take('lookup.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  request_id := app.find_request(code, phone);
  if request_id is null then
    return jsonb_build_object('found', false);
  end if;
  return app.help_request_status(request_id);
end
$$;
