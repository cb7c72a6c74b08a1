-- Help rating: after a team closes a request ("Đã xong"), the citizen says in one tap on the status
-- page (/tra-cuu/) whether the help worked. One rating per request; counted in the admin
-- statistics (request_statistics, help_ratings). No personal data: the request id and yes/no.
--
-- Objects: app.help_ratings, public.rate_help().

/* One row per rated request. The first answer stays: a second call changes nothing and says what
   was answered, so a double tap or a reload cannot skew the counts. */
create table app.help_ratings (
  request_id bigint primary key references app.help_requests (id) on delete cascade,
  helped boolean not null,
  rated_at timestamptz not null default now()
);
comment on table app.help_ratings is 'The citizen''s answer to "Tổ đã giúp được bạn chưa?" after a request was closed: one per request. No personal data.';
alter table app.help_ratings enable row level security;

/* Security definer: anon may not read requests or write app tables. Checked by reference code and
   phone like request_status (app.find_request: one generic {found: false} for a wrong code or
   phone, counted against the same limits), and rate-limited like it per address. Only a closed
   request can be rated. Volatile, so PostgREST refuses GET. */
create function public.rate_help(code text default null, phone text default null, helped boolean default null)
returns jsonb
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  found_id bigint;
  request_status text;
  stored boolean;
  inserted boolean;
begin
  perform app.require_post();
  if helped is null then
    perform app.raise_code('helped_required');
  end if;
  if not app.rate_limit_take('lookup.per_address', app.client_address()) then
    perform app.raise_code('rate_limited');
  end if;
  found_id := app.find_request(code, phone);
  if found_id is null then
    return jsonb_build_object('found', false);
  end if;
  select h.status into request_status from app.help_requests h where h.id = found_id;
  if request_status <> 'closed' then
    perform app.raise_code('not_closed');
  end if;
  insert into app.help_ratings (request_id, helped) values (found_id, rate_help.helped)
  on conflict on constraint help_ratings_pkey do nothing;
  inserted := found;
  select r.helped into stored from app.help_ratings r where r.request_id = found_id;
  return jsonb_build_object('found', true, 'helped', stored, 'already_rated', not inserted);
end
$$;
comment on function public.rate_help(text, text, boolean) is 'The citizen rates a closed request by reference code and phone (anon, POST only, rate-limited like request_status): helped yes/no, once. Returns {found: false} when code or phone is wrong, else {found: true, helped, already_rated} (helped is the stored answer: the first one). Errors: helped_required, rate_limited, not_closed.';
grant execute on function public.rate_help(text, text, boolean) to anon, authenticated;
