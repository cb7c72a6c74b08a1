-- Guide feedback: "Trang này có hữu ích không?" and "Báo nội dung sai".
--
-- Anonymous by design: we store the guide's short code, yes/no, and an optional comment with phone
-- numbers and email addresses masked. No client address is stored; the rate limit is the shared
-- limiter of the anonymous RPCs (rate limits migration), which keeps only a salted hash of the
-- address per window.
--
-- Objects: app.guide_feedback, public.send_guide_feedback().

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
   limiter has a per-database salt and counts the address the trusted proxies saw. */
create function public.send_guide_feedback(
  guide_code text,
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
begin
  if guide_code is null or guide_code !~ '^[a-z0-9]{2,8}$' then
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
  values (guide_code, kind, helpful, cleaned);
  return json_build_object('ok', true);
end;
$$;
comment on function public.send_guide_feedback(text, text, boolean, text) is
  'Stores anonymous feedback on a guide (rating or error report), at most 20 per client address per hour. Errors: guide_invalid, kind_invalid, comment_too_long, helpful_required, comment_required, rate_limited.';
grant execute on function public.send_guide_feedback(text, text, boolean, text) to anon, authenticated;
