-- Guide feedback moves onto the shared rate limiter.
--
-- The first feedback migration kept its own per-hour buckets keyed by a fixed-salt address hash.
-- The help-request migrations since brought one limiter for every anonymous RPC
-- (app.rate_limit_take: per-database salt, trusted proxy hops). Forward-only: replace the function,
-- then drop the old table and helper.
--
-- Objects: setting rate_limit.feedback.per_address, public.send_guide_feedback() (replaced),
--          app.feedback_rate_buckets and app.client_address_hash() (dropped).

insert into app.settings (key, value, description) values
  ('rate_limit.feedback.per_address', '{"max": 20, "window_seconds": 3600}',
   'Guide feedback messages (ratings and error reports) per client address in a fixed window.');

/* Security definer: anon may not write app tables directly. Volatile, so PostgREST refuses GET. */
create or replace function public.send_guide_feedback(
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

drop table app.feedback_rate_buckets;
drop function app.client_address_hash();
