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
