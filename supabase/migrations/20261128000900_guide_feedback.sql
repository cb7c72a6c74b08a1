-- Guide codes and guide feedback: "Trang này có hữu ích không?" and "Báo nội dung sai".
--
-- Anonymous by design: we store the guide's short code, yes/no, and an optional comment with phone
-- numbers and email addresses masked. No client address is stored; the rate limit is the shared
-- limiter of the anonymous RPCs (rate limits migration), which keeps only a salted hash of the
-- address per window.
--
-- The database learns the real guide codes (the `code` of each file in content/guides) into
-- app.guide_codes: the local stack and the test set-ups fill it at start
-- (supabase/local/guide-codes.ts); on Supabase, `npm run db:guide-codes` calls
-- public.sync_guide_codes() with the service_role key after each deploy of the site (README).
--
-- Objects: app.guide_codes, app.is_known_guide_code(), public.sync_guide_codes(),
-- app.guide_feedback, public.send_guide_feedback().

/* The short codes of the guides the site publishes. Feedback (and other RPCs that name a guide)
   accept only these: a free-form code let "zzzzzzzz", JSON true and 1e400 become rows counted in
   the statistics. Replaced as a whole by public.sync_guide_codes(). Retired codes
   (content/retired-codes.json) are not here: their pages redirect to a live guide, whose page
   sends its own code. */
create table app.guide_codes (
  code text primary key check (code ~ '^[a-z0-9]{2,8}$'),
  synced_at timestamptz not null default now()
);
comment on table app.guide_codes is 'Short codes of the published guides (content/guides frontmatter `code`), filled by public.sync_guide_codes().';
alter table app.guide_codes enable row level security;

/* True when `code` is the code of a published guide. PL/pgSQL like the other per-request helpers
   (README: a SQL function with a SET clause is never inlined). Null is not a code. */
create function app.is_known_guide_code(code text)
returns boolean
language plpgsql stable
set search_path = ''
as $$
begin
  return code is not null and exists (select 1 from app.guide_codes g where g.code = is_known_guide_code.code);
end;
$$;
comment on function app.is_known_guide_code(text) is 'True when the code is the short code of a published guide (app.guide_codes).';
revoke all on function app.is_known_guide_code(text) from public;

/* Replaces the known guide codes with `codes` (a JSON array of strings) in one transaction and
   returns how many there are. service_role only: `npm run db:guide-codes` calls it on Supabase,
   the local stack calls it at start. Refuses an empty list or a malformed code, so a broken call
   never empties the table. */
create function public.sync_guide_codes(codes jsonb)
returns json
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  wanted text[];
begin
  if jsonb_typeof(codes) is distinct from 'array' or jsonb_array_length(codes) = 0
     or exists (select 1 from jsonb_array_elements(codes) e
                where jsonb_typeof(e) <> 'string' or e #>> '{}' !~ '^[a-z0-9]{2,8}$') then
    raise exception 'codes_invalid' using errcode = 'P0001';
  end if;
  select array_agg(distinct e #>> '{}') into wanted from jsonb_array_elements(codes) e;
  delete from app.guide_codes where code <> all (wanted);
  insert into app.guide_codes (code) select unnest(wanted) on conflict (code) do nothing;
  return json_build_object('codes', cardinality(wanted));
end;
$$;
comment on function public.sync_guide_codes(jsonb) is
  'Replaces the known guide codes (app.guide_codes) with a JSON array of codes; service_role only (npm run db:guide-codes). Errors: codes_invalid.';
revoke all on function public.sync_guide_codes(jsonb) from public;
grant execute on function public.sync_guide_codes(jsonb) to service_role;

/* Ratings and error reports, counted in the admin statistics. Nothing here identifies anyone. */
create table app.guide_feedback (
  id bigint generated always as identity primary key,
  guide_code text not null check (guide_code ~ '^[a-z0-9]{2,8}$'),
  kind text not null check (kind in ('rating', 'error_report')),
  helpful boolean,
  comment text check (length(comment) <= 500),
  created_at timestamptz not null default now(),
  check ((kind = 'rating' and helpful is not null) or (kind = 'error_report' and comment is not null))
);
comment on table app.guide_feedback is 'Anonymous feedback on guides: helpful yes/no, comments and error reports. No personal data (comments are masked).';
-- Statistics per guide over a date range.
create index guide_feedback_guide_code_idx on app.guide_feedback (guide_code, created_at);
alter table app.guide_feedback enable row level security;

/* Security definer: anon may not write app tables directly. Volatile, so PostgREST refuses GET.
   Rate-limited by the shared limiter (app.rate_limit_take, scope feedback.per_address, setting
   rate_limit.feedback.per_address: 20 an hour): it was first given its own per-hour buckets keyed
   by a fixed-salt hash of the leftmost x-forwarded-for entry, which the caller controls; the shared
   limiter has a per-database salt and counts the address the trusted proxies saw.
   `guide_code` is json so that only a JSON string naming a published guide is accepted: as text,
   PostgREST turned JSON true, 12 or 1e400 into the strings 'true', '12', '1e400'. */
create function public.send_guide_feedback(
  guide_code json,
  kind text,
  helpful boolean default null,
  comment text default null
)
returns json
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  cleaned text;
  code text;
begin
  if json_typeof(guide_code) is distinct from 'string' then
    raise exception 'guide_invalid' using errcode = 'P0001';
  end if;
  code := guide_code #>> '{}';
  if not app.is_known_guide_code(code) then
    raise exception 'guide_invalid' using errcode = 'P0001';
  end if;
  if kind is null or kind not in ('rating', 'error_report') then
    raise exception 'kind_invalid' using errcode = 'P0001';
  end if;
  cleaned := nullif(btrim(comment), '');
  if length(cleaned) > 500 then
    raise exception 'comment_too_long' using errcode = 'P0001';
  end if;
  if kind = 'rating' and helpful is null then
    raise exception 'helpful_required' using errcode = 'P0001';
  end if;
  if kind = 'error_report' and cleaned is null then
    raise exception 'comment_required' using errcode = 'P0001';
  end if;
  -- Mask what looks like phone numbers or email addresses: feedback must hold no personal data.
  cleaned := regexp_replace(cleaned, '[^\s@]+@[^\s@]+', '[email]', 'g');
  cleaned := regexp_replace(cleaned, '(\+?\d[\d .-]{7,}\d)', '[số điện thoại]', 'g');

  if not app.rate_limit_take('feedback.per_address', app.client_address()) then
    raise exception 'rate_limited' using errcode = 'P0001';
  end if;

  insert into app.guide_feedback (guide_code, kind, helpful, comment)
  values (code, kind, helpful, cleaned);
  return json_build_object('ok', true);
end;
$$;
comment on function public.send_guide_feedback(json, text, boolean, text) is
  'Stores anonymous feedback on a guide (rating or error report; guide_code a JSON string naming a published guide), at most 20 per client address per hour. Errors: guide_invalid, kind_invalid, comment_too_long, helpful_required, comment_required, rate_limited.';
grant execute on function public.send_guide_feedback(json, text, boolean, text) to anon, authenticated;
