-- DEMO DATA for local development and tests only. Never load into a production project.
--
-- Every team here is fictional and marked is_demo = true; its phone numbers are not real
-- (the 0900 000 xxx range). Real teams are loaded by admins (CSV import).

insert into app.teams (code, name, commune_code, base_lat, base_lon, service_radius_m, capacity, public_phone, is_demo)
values
  ('DEMO-HONGGAI', 'Tổ công nghệ số phường Hồng Gai (dữ liệu mẫu)', (select code from app.communes where slug = 'hong-gai'), 20.9538, 107.0799, 4000, 10, '0900000001', true),
  ('DEMO-BAICHAY', 'Tổ công nghệ số phường Bãi Cháy (dữ liệu mẫu)', (select code from app.communes where slug = 'bai-chay'), 20.9620, 107.0320, 5000, 10, '0900000002', true),
  ('DEMO-MONGCAI1', 'Tổ công nghệ số phường Móng Cái 1 (dữ liệu mẫu)', (select code from app.communes where slug = 'mong-cai-1'), 21.5043, 108.0034, 6000, 8, '0900000003', true),
  ('DEMO-BINHLIEU', 'Tổ công nghệ số xã Bình Liêu (dữ liệu mẫu)', (select code from app.communes where slug = 'binh-lieu'), 21.5172, 107.3873, 15000, 5, '0900000004', true),
  ('DEMO-COTO', 'Tổ công nghệ số đặc khu Cô Tô (dữ liệu mẫu)', (select code from app.communes where slug = 'co-to'), 20.9900, 107.7560, 10000, 5, '0900000005', true);

insert into app.team_communes (team_id, commune_code)
select t.id, t.commune_code from app.teams t where t.is_demo;

-- ---------------------------------------------------------------------------------------------
-- DEMO MEMBERS of the team workspace (/doi/). Sign in there with one of these emails; the local
-- stack "sends" the code to its mailbox (http://localhost:4321/auth/v1/mailbox). example.org
-- addresses reach nobody. Real members are added by leaders and admins in the workspace.
insert into app.members (email, name, role, team_id) values
  ('to-hong-gai@example.org', 'Nguyễn Văn An (mẫu)', 'member', (select id from app.teams where code = 'DEMO-HONGGAI')),
  ('truong-to-hong-gai@example.org', 'Trần Thị Bích (mẫu)', 'leader', (select id from app.teams where code = 'DEMO-HONGGAI')),
  ('to-bai-chay@example.org', 'Lê Văn Cường (mẫu)', 'member', (select id from app.teams where code = 'DEMO-BAICHAY')),
  ('truong-to-bai-chay@example.org', 'Phạm Thu Dung (mẫu)', 'leader', (select id from app.teams where code = 'DEMO-BAICHAY')),
  ('to-mong-cai@example.org', 'Hoàng Văn Em (mẫu)', 'member', (select id from app.teams where code = 'DEMO-MONGCAI1')),
  ('admin@example.org', 'Quản trị tỉnh (mẫu)', 'admin', null);

-- ---------------------------------------------------------------------------------------------
-- DEMO OUTREACH LOG (is_demo = true): field work of the demo teams over the last five weeks, so
-- that the outreach statistics in /quan-tri/ and the home page's totals show something. Days are
-- relative to the day the seed runs; each entry is dated 18:00 on its day, so all but the newest
-- are past their authors' 7-day edit window.
insert into app.outreach_entries (team_id, member_id, kind, day, commune_code, people_helped, shops, flyers, participants, platforms, note, is_demo, created_at, updated_at)
select t.id, m.id, v.kind, d.day, t.commune_code, v.people, v.shops, v.flyers, v.participants, v.platforms, v.note, true,
  (d.day + time '18:00') at time zone 'Asia/Ho_Chi_Minh', (d.day + time '18:00') at time zone 'Asia/Ho_Chi_Minh'
from (values
  ('DEMO-HONGGAI', 'to-hong-gai@example.org', 'help_session', 2, 18, 0, 0, 0, array['vneid', 'dichvucong'], 'Buổi hỗ trợ chiều thứ Sáu tại Trung tâm phục vụ hành chính công (dữ liệu mẫu)'),
  ('DEMO-HONGGAI', 'to-hong-gai@example.org', 'home_visit', 9, 4, 0, 0, 0, array['vssid'], null),
  ('DEMO-HONGGAI', 'truong-to-hong-gai@example.org', 'cashless_shops', 12, 6, 14, 0, 0, array['thanh-toan-an-toan'], 'Chợ Hạ Long 1, hướng dẫn mã QR thanh toán (dữ liệu mẫu)'),
  ('DEMO-HONGGAI', 'truong-to-hong-gai@example.org', 'flyers', 20, 0, 0, 300, 0, array['vneid'], null),
  ('DEMO-BAICHAY', 'to-bai-chay@example.org', 'training', 5, 25, 0, 0, 40, array['etax', 'vneid'], 'Tập huấn cho hộ kinh doanh (dữ liệu mẫu)'),
  ('DEMO-BAICHAY', 'truong-to-bai-chay@example.org', 'qr_labels', 15, 0, 22, 0, 0, array['thanh-toan-an-toan'], null),
  ('DEMO-BAICHAY', 'to-bai-chay@example.org', 'home_visit', 26, 3, 0, 0, 0, array['vssid', 'vneid'], null),
  ('DEMO-MONGCAI1', 'to-mong-cai@example.org', 'help_session', 8, 31, 0, 0, 0, array['dichvucong', 'smart-quang-ninh'], null),
  ('DEMO-MONGCAI1', 'to-mong-cai@example.org', 'cashless_shops', 30, 2, 9, 150, 0, array['thanh-toan-an-toan'], null)
) as v (team_code, email, kind, days_ago, people, shops, flyers, participants, platforms, note)
join app.teams t on t.code = v.team_code
join app.members m on m.email = v.email
cross join lateral (select (now() at time zone 'Asia/Ho_Chi_Minh')::date - v.days_ago as day) d;

-- DEMO HELP SESSIONS and public listing (commune pages /xa/<slug>/). The demo teams' public phones
-- above are in the fake 0900 000 xxx range; places are fictional and say "(dữ liệu mẫu)". Dates
-- start today (Vietnam) so that the pages show upcoming sessions whenever the seed is loaded.
-- DEMO-BINHLIEU stays unlisted: its commune page shows what a commune without a listed team says.
update app.teams set public_listing = true
where is_demo and code in ('DEMO-HONGGAI', 'DEMO-BAICHAY', 'DEMO-MONGCAI1', 'DEMO-COTO');

insert into app.help_sessions (team_id, commune_code, place_name, address, first_day, until_day, weekdays,
  starts_at, ends_at, topics, note, is_demo)
select t.id, t.commune_code, s.place_name, s.address, app.vietnam_today() + s.starts_in,
  case when s.weekdays = '{}' then null else app.vietnam_today() + 365 end, s.weekdays::smallint[],
  s.starts_at::time, s.ends_at::time, s.topics::text[], s.note, true
from (values
  ('DEMO-HONGGAI', 'Nhà văn hoá khu 5 (dữ liệu mẫu)', 'Khu 5, phường Hồng Gai (địa chỉ mẫu)', 0, '{5}', '14:00', '17:00',
   '{vneid,vssid,dichvucong}', 'Mang theo CCCD gắn chip và điện thoại đã cài ứng dụng.'),
  ('DEMO-BAICHAY', 'Điểm phục vụ hành chính công phường Bãi Cháy (dữ liệu mẫu)', 'Phường Bãi Cháy (địa chỉ mẫu)', 0, '{2,4}', '08:00', '11:00',
   '{vneid,etax,dichvucong}', null),
  ('DEMO-MONGCAI1', 'Nhà văn hoá khu phố (dữ liệu mẫu)', 'Phường Móng Cái 1 (địa chỉ mẫu)', 6, '{}', '08:30', '11:30',
   '{thanh-toan-an-toan,smart-quang-ninh}', 'Buổi hỗ trợ thanh toán không dùng tiền mặt cho hộ kinh doanh.'),
  ('DEMO-COTO', 'Nhà văn hoá thị trấn cũ (dữ liệu mẫu)', 'Đặc khu Cô Tô (địa chỉ mẫu)', 0, '{6}', '14:00', '16:30',
   '{vneid,vssid}', null)
) as s (code, place_name, address, starts_in, weekdays, starts_at, ends_at, topics, note)
join app.teams t on t.code = s.code and t.is_demo;
