-- Reference data: Quảng Ninh commune-level units and teams with the communes they cover.
--
-- Since 1 July 2025 Quảng Ninh has 54 commune-level units (30 phường, 22 xã, 2 đặc khu) directly
-- under the province. The list is kept in content/communes.json (source of truth, from the official
-- codes of Decision 19/2025/QĐ-TTg); the rows below are generated from it and a test checks that
-- both agree. Teams are operational data that admins load and edit; many teams may serve a commune.
--
-- Teams are found by position for routing: teams_position_idx (nearest base) and teams_reach_idx
-- (whose service radius reaches a point); see app.routing_candidates() in the routing migration.
--
-- Objects: app.earth_point(), app.communes (and its 54 rows), app.teams, app.team_communes.

/* A point on the earth as a 3-D cube point in metres, so that a GiST index can find the nearest
   teams (cube <-> is the straight-line distance, which orders like the distance on the ground). */
create function app.earth_point(lat double precision, lon double precision)
returns extensions.cube
language sql immutable parallel safe
set search_path = ''
as $$
  select extensions.cube(array[
    6378168 * cos(radians(lat)) * cos(radians(lon)),
    6378168 * cos(radians(lat)) * sin(radians(lon)),
    6378168 * sin(radians(lat))
  ])
$$;
comment on function app.earth_point(double precision, double precision) is 'Point on the earth (metres, earth-centred) for nearest-neighbour search with a GiST index.';

/* The 54 commune-level units: every request names one, and its centre is the routing point when a
   citizen gives no GPS point. Rows below, generated from content/communes.json. */
create table app.communes (
  code text primary key check (code ~ '^[0-9]{5}$'),
  name text not null unique check (length(name) between 4 and 80),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  type text not null check (type in ('phường', 'xã', 'đặc khu')),
  lat double precision not null check (lat between 20 and 22),
  lon double precision not null check (lon between 106 and 109),
  position extensions.cube generated always as (app.earth_point(lat, lon)) stored
);
comment on table app.communes is 'Quảng Ninh commune-level units since 1 July 2025; loaded from content/communes.json.';
comment on column app.communes.code is 'Official unit code (Decision 19/2025/QĐ-TTg), leading zeros kept.';
comment on column app.communes.lat is 'Approximate centre of the territory (not the office), used when a citizen gives no GPS point.';
alter table app.communes enable row level security;

/* The teams that help citizens in person: where they are based, how far they travel, how many open
   requests they can hold. Routing reads them; admins load and edit them (team admin migration). */
create table app.teams (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
  name text not null check (length(btrim(name)) between 3 and 120),
  commune_code text not null references app.communes (code),
  base_lat double precision not null check (base_lat between 20 and 22),
  base_lon double precision not null check (base_lon between 106 and 109),
  position extensions.cube generated always as (app.earth_point(base_lat, base_lon)) stored,
  service_radius_m integer not null default 5000 check (service_radius_m between 100 and 100000),
  capacity integer not null default 10 check (capacity between 1 and 1000),
  active boolean not null default true,
  public_phone text check (public_phone ~ '^(0[35789][0-9]{8}|02[0-9]{9})$'),
  public_listing boolean not null default false,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table app.teams is 'Community digital technology teams (tổ công nghệ số cộng đồng). Soft-deleted with active = false, never hard-deleted once they have history.';
comment on column app.teams.code is 'Stable team code used by CSV import (upsert key).';
comment on column app.teams.service_radius_m is 'How far from the base point the team travels to help, in metres.';
comment on column app.teams.capacity is 'Open requests the team can hold before routing prefers other teams.';
comment on column app.teams.public_phone is 'Public contact phone shown to citizens after booking (normalised like app.normalize_phone: mobile 0XXXXXXXXX or landline 02XXXXXXXXX).';
comment on column app.teams.public_listing is 'Whether the team chose to appear on the pages of the communes it serves (/xa/<slug>/): its name, public phone and help sessions (public.commune_public_info). Leaders set it in /doi/ (public.save_team_public_info).';
comment on column app.teams.is_demo is 'True for demo teams created by seed.sql; never true for real teams.';
-- The teams of a commune (admin filter, foreign key); the nearest active teams to a point
-- (hand-over suggestions order by position <-> point).
create index teams_commune_code_idx on app.teams (commune_code);
create index teams_position_idx on app.teams using gist (position) where active;
/* The box each active team's service radius covers (one metre wider, against rounding).
   Routing first walked teams_position_idx in a 100 km box (the largest radius allowed), so with
   Quảng Ninh's 1,500 teams it computed a distance for every team on every request (found
   profiling tests/bench/request-help.ts; tests/bench/routing.ts times routing with up to 100,000
   teams). A team's reach is the box of its service radius around its base; this index returns only
   the teams whose box holds the point, and the exact distance check then keeps those whose radius
   reaches it (the box holds the whole ball, with one metre to spare). */
create index teams_reach_idx on app.teams
  using gist (extensions.cube_enlarge(position, service_radius_m + 1, 3)) where active;
comment on index app.teams_reach_idx is 'Box of each active team''s service radius (+1 m): routing finds the teams whose radius may reach a point without computing a distance to every team (app.routing_candidates).';
alter table app.teams enable row level security;

/* Communes a team serves whatever the distance (e.g. a whole island commune), besides its radius. */
create table app.team_communes (
  team_id bigint not null references app.teams (id),
  commune_code text not null references app.communes (code),
  primary key (team_id, commune_code)
);
comment on table app.team_communes is 'Communes a team covers besides its radius (the FixMyStreet body_areas idea).';
-- Routing looks up the teams covering a commune.
create index team_communes_commune_code_idx on app.team_communes (commune_code);
alter table app.team_communes enable row level security;

-- The rows of content/communes.json (tests/db/communes-parity.test.ts keeps both equal).
insert into app.communes (code, name, slug, type, lat, lon) values
  ('06652', 'Phường Hà Tu', 'ha-tu', 'phường', 20.9627, 107.1593),
  ('06658', 'Phường Cao Xanh', 'cao-xanh', 'phường', 20.9996, 107.1238),
  ('06661', 'Phường Việt Hưng', 'viet-hung', 'phường', 20.9903, 106.9802),
  ('06673', 'Phường Bãi Cháy', 'bai-chay', 'phường', 20.962, 107.032),
  ('06676', 'Phường Hà Lầm', 'ha-lam', 'phường', 20.9669, 107.1159),
  ('06685', 'Phường Hồng Gai', 'hong-gai', 'phường', 20.9541, 107.0783),
  ('06688', 'Phường Hạ Long', 'ha-long', 'phường', 20.947, 107.1157),
  ('06706', 'Phường Tuần Châu', 'tuan-chau', 'phường', 20.9752, 106.9291),
  ('06709', 'Phường Móng Cái 2', 'mong-cai-2', 'phường', 21.4919, 107.9486),
  ('06712', 'Phường Móng Cái 1', 'mong-cai-1', 'phường', 21.5043, 108.0034),
  ('06736', 'Phường Móng Cái 3', 'mong-cai-3', 'phường', 21.5406, 107.8978),
  ('06760', 'Phường Mông Dương', 'mong-duong', 'phường', 21.0948, 107.2825),
  ('06778', 'Phường Quang Hanh', 'quang-hanh', 'phường', 20.9995, 107.212),
  ('06781', 'Phường Cửa Ông', 'cua-ong', 'phường', 21.0227, 107.3366),
  ('06793', 'Phường Cẩm Phả', 'cam-pha', 'phường', 21.0186, 107.2882),
  ('06811', 'Phường Uông Bí', 'uong-bi', 'phường', 21.0249, 106.7659),
  ('06820', 'Phường Vàng Danh', 'vang-danh', 'phường', 21.0869, 106.8097),
  ('06832', 'Phường Yên Tử', 'yen-tu', 'phường', 21.086, 106.7294),
  ('07030', 'Phường Hoành Bồ', 'hoanh-bo', 'phường', 21.0669, 106.9854),
  ('07069', 'Phường Mạo Khê', 'mao-khe', 'phường', 21.0685, 106.5889),
  ('07081', 'Phường Bình Khê', 'binh-khe', 'phường', 21.1294, 106.6261),
  ('07090', 'Phường An Sinh', 'an-sinh', 'phường', 21.1533, 106.5209),
  ('07093', 'Phường Đông Triều', 'dong-trieu', 'phường', 21.0793, 106.493),
  ('07114', 'Phường Hoàng Quế', 'hoang-que', 'phường', 21.0547, 106.6641),
  ('07132', 'Phường Quảng Yên', 'quang-yen', 'phường', 20.9393, 106.8248),
  ('07135', 'Phường Đông Mai', 'dong-mai', 'phường', 21.0003, 106.8555),
  ('07147', 'Phường Hiệp Hòa', 'hiep-hoa', 'phường', 20.9676, 106.8097),
  ('07168', 'Phường Hà An', 'ha-an', 'phường', 20.9257, 106.8862),
  ('07180', 'Phường Liên Hòa', 'lien-hoa', 'phường', 20.8601, 106.8251),
  ('07183', 'Phường Phong Cốc', 'phong-coc', 'phường', 20.8973, 106.7877),
  ('06724', 'Xã Hải Sơn', 'hai-son', 'xã', 21.6085, 107.818),
  ('06733', 'Xã Hải Ninh', 'hai-ninh', 'xã', 21.5414, 107.7986),
  ('06757', 'Xã Vĩnh Thực', 'vinh-thuc', 'xã', 21.3747, 107.9231),
  ('06799', 'Xã Hải Hòa', 'hai-hoa', 'xã', 21.1453, 107.3631),
  ('06838', 'Xã Bình Liêu', 'binh-lieu', 'xã', 21.5172, 107.3873),
  ('06841', 'Xã Hoành Mô', 'hoanh-mo', 'xã', 21.5765, 107.5305),
  ('06856', 'Xã Lục Hồn', 'luc-hon', 'xã', 21.5737, 107.4382),
  ('06862', 'Xã Tiên Yên', 'tien-yen', 'xã', 21.376, 107.3945),
  ('06874', 'Xã Điền Xá', 'dien-xa', 'xã', 21.4339, 107.2914),
  ('06877', 'Xã Đông Ngũ', 'dong-ngu', 'xã', 21.3723, 107.466),
  ('06886', 'Xã Hải Lạng', 'hai-lang', 'xã', 21.2643, 107.3837),
  ('06895', 'Xã Đầm Hà', 'dam-ha', 'xã', 21.3452, 107.6008),
  ('06913', 'Xã Quảng Tân', 'quang-tan', 'xã', 21.4178, 107.5449),
  ('06922', 'Xã Quảng Hà', 'quang-ha', 'xã', 21.4407, 107.752),
  ('06931', 'Xã Quảng Đức', 'quang-duc', 'xã', 21.5489, 107.7097),
  ('06946', 'Xã Đường Hoa', 'duong-hoa', 'xã', 21.4933, 107.6341),
  ('06967', 'Xã Cái Chiên', 'cai-chien', 'xã', 21.3294, 107.7692),
  ('06978', 'Xã Ba Chẽ', 'ba-che', 'xã', 21.2527, 107.2523),
  ('06979', 'Xã Kỳ Thượng', 'ky-thuong', 'xã', 21.2659, 107.1313),
  ('06985', 'Xã Lương Minh', 'luong-minh', 'xã', 21.2134, 107.0286),
  ('07054', 'Xã Quảng La', 'quang-la', 'xã', 21.1092, 106.8849),
  ('07060', 'Xã Thống Nhất', 'thong-nhat', 'xã', 21.0828, 107.1254),
  ('06994', 'Đặc khu Vân Đồn', 'van-don', 'đặc khu', 21.1569, 107.4788),
  ('07192', 'Đặc khu Cô Tô', 'co-to', 'đặc khu', 20.99, 107.756);
