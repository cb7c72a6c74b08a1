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
