-- Movements (phong trào / đợt thi đua): the plan as structured data, its phases and deadlines, the
-- responses of subordinate organisations, registrations, and recorded amendments.

-- The award forms and titles the law knows (catalogue: a reference table, same in every tenant).
CREATE TABLE award_forms (
  code            text PRIMARY KEY,
  name            text NOT NULL,
  category        text NOT NULL CHECK (category IN ('title', 'award')),
  -- who may receive it
  recipient       text NOT NULL CHECK (recipient IN ('individual', 'collective', 'both', 'household')),
  -- the level of the authority that confers it
  level           text NOT NULL CHECK (level IN ('state', 'government', 'province', 'base')),
  conferred_by    text NOT NULL,
  sort_order      integer NOT NULL
);

CREATE TABLE movements (
  tenant_id         uuid NOT NULL REFERENCES tenants (id),
  id                uuid NOT NULL,
  organisation_id   uuid NOT NULL,
  parent_movement_id uuid,
  kind              text NOT NULL CHECK (kind IN ('regular', 'multi_year', 'campaign', 'special')),
  status            text NOT NULL CHECK (status IN ('draft', 'issued', 'closed')),
  name              text NOT NULL,
  name_fold         text NOT NULL,
  slogan            text NOT NULL DEFAULT '',
  document_number   integer,
  document_symbol   text NOT NULL DEFAULT '',
  place             text NOT NULL DEFAULT '',
  issued_on         date,
  period_start      date NOT NULL,
  period_end        date NOT NULL,
  -- contents, criteria, award forms, quotas, tasks, legal bases… validated by the movements model
  plan              jsonb NOT NULL,
  amendment_count   integer NOT NULL DEFAULT 0,
  created_by        uuid,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_movement_id) REFERENCES movements (tenant_id, id),
  CHECK (period_end >= period_start)
);
CREATE INDEX movements_organisation ON movements (tenant_id, organisation_id, period_start);
CREATE INDEX movements_parent ON movements (tenant_id, parent_movement_id);
CREATE INDEX movements_name_fold ON movements USING gin (name_fold gin_trgm_ops);
CREATE UNIQUE INDEX movements_number ON movements (tenant_id, organisation_id, document_symbol, extract(year FROM issued_on), document_number)
  WHERE document_number IS NOT NULL;

-- Phases with their deadlines: what is due from whom, by when (compared in Asia/Ho_Chi_Minh).
CREATE TABLE movement_phases (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL,
  movement_id       uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('launch', 'response_plan', 'registration', 'periodic_report', 'mid_term_review', 'final_review', 'nomination')),
  title             text NOT NULL,
  starts_on         date,
  due_on            date,
  due_from          text NOT NULL DEFAULT 'subordinates',
  -- the report outline (đề cương) where the plan gives one: sections with sub-points
  outline           jsonb,
  -- the parent movement's phase this one was inherited from, in a cascade
  inherited_from    uuid,
  position          integer NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id)
);
CREATE INDEX movement_phases_movement ON movement_phases (tenant_id, movement_id, position);
CREATE INDEX movement_phases_due ON movement_phases (tenant_id, due_on);

-- Amendments to an issued plan: the only way it changes after issue.
CREATE TABLE movement_amendments (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL,
  movement_id       uuid NOT NULL,
  sequence          integer NOT NULL,
  reason            text NOT NULL,
  changes           jsonb NOT NULL,
  amended_by        uuid,
  amended_at        timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, movement_id, sequence),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id)
);

-- Registration (đăng ký thi đua): what a unit commits to in the period.
CREATE TABLE movement_registrations (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL,
  movement_id       uuid NOT NULL,
  organisation_id   uuid NOT NULL,
  titles            jsonb NOT NULL,
  commitments       text NOT NULL DEFAULT '',
  registered_by     uuid,
  registered_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, movement_id, organisation_id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);

-- Reminders sent to subordinate organisations about a phase.
CREATE TABLE movement_reminders (
  tenant_id         uuid NOT NULL,
  id                uuid NOT NULL,
  movement_id       uuid NOT NULL,
  organisation_id   uuid NOT NULL,
  phase_id          uuid,
  message           text NOT NULL,
  sent_by           uuid,
  sent_at           timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, movement_id) REFERENCES movements (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations (tenant_id, id)
);
CREATE INDEX movement_reminders_movement ON movement_reminders (tenant_id, movement_id, organisation_id);

INSERT INTO award_forms (code, name, category, recipient, level, conferred_by, sort_order) VALUES
  ('lao_dong_tien_tien', 'Lao động tiên tiến', 'title', 'individual', 'base', 'Thủ trưởng cơ quan, đơn vị', 10),
  ('chien_si_thi_dua_co_so', 'Chiến sĩ thi đua cơ sở', 'title', 'individual', 'base', 'Thủ trưởng cơ quan, đơn vị', 20),
  ('chien_si_thi_dua_tinh', 'Chiến sĩ thi đua cấp tỉnh', 'title', 'individual', 'province', 'Chủ tịch UBND tỉnh', 30),
  ('chien_si_thi_dua_toan_quoc', 'Chiến sĩ thi đua toàn quốc', 'title', 'individual', 'government', 'Thủ tướng Chính phủ', 40),
  ('tap_the_lao_dong_tien_tien', 'Tập thể lao động tiên tiến', 'title', 'collective', 'base', 'Thủ trưởng cơ quan, đơn vị', 50),
  ('tap_the_lao_dong_xuat_sac', 'Tập thể lao động xuất sắc', 'title', 'collective', 'province', 'Chủ tịch UBND tỉnh', 60),
  ('co_thi_dua_tinh', 'Cờ thi đua của UBND tỉnh', 'title', 'collective', 'province', 'Chủ tịch UBND tỉnh', 70),
  ('co_thi_dua_chinh_phu', 'Cờ thi đua của Chính phủ', 'title', 'collective', 'government', 'Thủ tướng Chính phủ', 80),
  ('giay_khen', 'Giấy khen', 'award', 'both', 'base', 'Thủ trưởng cơ quan, đơn vị; Chủ tịch UBND cấp xã', 110),
  ('bang_khen_tinh', 'Bằng khen của Chủ tịch UBND tỉnh', 'award', 'both', 'province', 'Chủ tịch UBND tỉnh', 120),
  ('bang_khen_thu_tuong', 'Bằng khen của Thủ tướng Chính phủ', 'award', 'both', 'government', 'Thủ tướng Chính phủ', 130),
  ('huan_chuong_lao_dong_hang_ba', 'Huân chương Lao động hạng Ba', 'award', 'both', 'state', 'Chủ tịch nước', 140),
  ('huan_chuong_lao_dong_hang_nhi', 'Huân chương Lao động hạng Nhì', 'award', 'both', 'state', 'Chủ tịch nước', 150),
  ('huan_chuong_lao_dong_hang_nhat', 'Huân chương Lao động hạng Nhất', 'award', 'both', 'state', 'Chủ tịch nước', 160);
