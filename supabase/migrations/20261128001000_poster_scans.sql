-- Poster scans: how often each printed QR poster is scanned, per day, with no personal data.
--
-- Every QR code on a poster carries a poster id in its link (`?p=g-vs4` on a guide poster,
-- `?p=x-ha-tu` on a commune poster, `?p=t-<team code>` on a team's poster and `?p=n-<team code>` on
-- its sticker, both printed from /doi/; the site's poster-id module builds them and a unit test keeps
-- its pattern equal to the checks below). When the page opens, a small script calls
-- record_poster_scan(poster), which adds one to that poster's count for the day (Vietnam time).
-- That count is all that is stored: no address, no user agent, no time of day. Admins read the
-- counts in the statistics (public.request_statistics, poster_scans).
--
-- Rate limit without storing addresses: the caller's address (app.client_address(): the
-- x-forwarded-for entry the trusted proxies added, never the caller-controlled leftmost one) is
-- hashed with a random salt that changes every day, into a bucket that counts scans per 10-minute
-- window. Buckets are deleted once their window is over, and salts once their day is over; from
-- then on no bucket can be linked back to an address, not even by hashing every IPv4 address. Each
-- poster also has a daily cap, so many real addresses cannot inflate one poster without bound.
--
-- Objects: app.poster_scans, app.poster_scan_salts, app.poster_scan_buckets,
--          public.record_poster_scan(text).

/* The counts themselves: one row per poster and day. */
create table app.poster_scans (
  poster text not null check (length(poster) <= 40 and poster ~ '^(g-[a-z0-9]{2,8}|x-[a-z0-9]+(-[a-z0-9]+)*|[tn]-[a-z0-9][a-z0-9-]{1,31})$'),
  day date not null,
  scans integer not null check (scans > 0),
  primary key (poster, day)
);
comment on table app.poster_scans is 'Scans of printed QR posters: one row per poster and day, a count and nothing else (no personal data).';
comment on column app.poster_scans.poster is 'Poster id from the QR link: g-<guide code>, x-<commune slug>, t-<team code> (team poster) or n-<team code> (team sticker), lower case.';
comment on column app.poster_scans.day is 'Day of the scans, in Vietnam time (Asia/Ho_Chi_Minh).';
comment on column app.poster_scans.scans is 'Number of scans counted that day (capped per day by record_poster_scan).';
-- Statistics read by day range across all posters.
create index poster_scans_day_idx on app.poster_scans (day);
alter table app.poster_scans enable row level security;

/* The day's salt for hashing client addresses: deleted once the day is over, so yesterday's
   buckets (already deleted themselves) could not be linked to an address even by hashing every
   IPv4 address. */
create table app.poster_scan_salts (
  day date primary key,
  salt text not null default gen_random_uuid()::text
);
comment on table app.poster_scan_salts is 'Random salt of the day for hashing client addresses into rate-limit buckets; deleted once the day is over, so old hashes cannot be reversed.';
comment on column app.poster_scan_salts.day is 'Day (Vietnam time) the salt is used for.';
comment on column app.poster_scan_salts.salt is 'Random value (never exposed).';
alter table app.poster_scan_salts enable row level security;

/* Rate-limit counters of record_poster_scan, per hashed address and 10-minute window. */
create table app.poster_scan_buckets (
  bucket bytea not null,
  window_start timestamptz not null,
  hits integer not null check (hits > 0),
  primary key (bucket, window_start)
);
comment on table app.poster_scan_buckets is 'Rate-limit counters of record_poster_scan: scans per hashed client address per 10-minute window; rows are deleted when their window is over.';
comment on column app.poster_scan_buckets.bucket is 'SHA-256 of the day''s salt and the client address; the address itself is never stored.';
comment on column app.poster_scan_buckets.window_start is 'Start of the 10-minute window.';
comment on column app.poster_scan_buckets.hits is 'Scans counted from this bucket in the window.';
-- Clean-up deletes by window.
create index poster_scan_buckets_window_start_idx on app.poster_scan_buckets (window_start);
alter table app.poster_scan_buckets enable row level security;

/* Security definer because anon has no privileges on schema app; it writes one counter and
   returns nothing but {counted: true}. Volatile, so PostgREST accepts POST only (GET runs
   read-only and fails), and a link preview or prefetch cannot count. */
create function public.record_poster_scan(poster text)
returns json
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  max_per_window constant integer := 30;
  max_per_poster_day constant integer := 5000;
  today date := (now() at time zone 'Asia/Ho_Chi_Minh')::date;
  this_window timestamptz := date_bin('10 minutes', now(), timestamptz '2000-01-01 00:00:00+00');
  address text;
  day_salt text;
  client_bucket bytea;
  window_hits integer;
  counted integer;
begin
  if poster is null
     or length(poster) > 40
     or poster !~ '^(g-[a-z0-9]{2,8}|x-[a-z0-9]+(-[a-z0-9]+)*|[tn]-[a-z0-9][a-z0-9-]{1,31})$'
     or (poster like 'x-%' and not exists (select 1 from app.communes c where c.slug = substr(poster, 3)))
     or (left(poster, 2) in ('t-', 'n-') and not exists (select 1 from app.teams t where lower(t.code) = substr(poster, 3))) then
    raise exception 'poster_invalid' using errcode = 'P0001';
  end if;

  -- The address the trusted proxies saw. It once was the leftmost x-forwarded-for entry, which the
  -- caller sends: 200 of 200 scans with random headers counted, and 5,000 reached a poster's cap.
  address := left(app.client_address(), 100);

  insert into app.poster_scan_salts (day) values (today) on conflict do nothing;
  select s.salt into day_salt from app.poster_scan_salts s where s.day = today;
  delete from app.poster_scan_salts s where s.day < today;
  client_bucket := sha256(convert_to(day_salt || '|' || address, 'UTF8'));

  delete from app.poster_scan_buckets b where b.window_start < this_window;
  insert into app.poster_scan_buckets as b (bucket, window_start, hits)
  values (client_bucket, this_window, 1)
  on conflict on constraint poster_scan_buckets_pkey do update set hits = b.hits + 1
  returning b.hits into window_hits;
  if window_hits > max_per_window then
    -- Raising rolls the increment back, so the bucket stays at the limit until the window ends.
    raise exception 'rate_limited' using errcode = 'P0001';
  end if;

  insert into app.poster_scans as s (poster, day, scans)
  values (record_poster_scan.poster, today, 1)
  on conflict on constraint poster_scans_pkey do update set scans = s.scans + 1
    where s.scans < max_per_poster_day
  returning s.scans into counted;
  if counted is null then
    raise exception 'rate_limited' using errcode = 'P0001';
  end if;

  return json_build_object('counted', true);
end;
$$;
comment on function public.record_poster_scan(text) is
  'Counts one scan of a printed QR poster for today (Vietnam time). Stores only (poster, day, count). At most 30 scans per client address per 10 minutes and 5000 per poster per day. POST only. Errors: poster_invalid, rate_limited.';
grant execute on function public.record_poster_scan(text) to anon, authenticated;
