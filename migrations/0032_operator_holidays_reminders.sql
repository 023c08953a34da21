-- The platform operator, holidays as data, and deadline reminders sent once.

-- ── The platform operator ──────────────────────────────────────────────────────────────────────
-- Several tenants may share one database; the reference rows they all read (base salaries, legal
-- bases, the holiday decisions below) are kept by a platform operator, not by any tenant's
-- administrator. The operator's account belongs to the one 'platform' tenant, which has no units.
ALTER TABLE tenants DROP CONSTRAINT tenants_kind_check;
ALTER TABLE tenants ADD CONSTRAINT tenants_kind_check CHECK (kind IN ('province', 'ministry', 'commune', 'other', 'platform'));
ALTER TABLE users ADD COLUMN platform_operator boolean NOT NULL DEFAULT false;

-- ── Holidays ───────────────────────────────────────────────────────────────────────────────────
-- The statutory holidays are computed for any year (src/platform/vn/holidays.ts: Labour Code 2019
-- art. 111–112, lunar dates from the Vietnamese lunar calendar). These rows are what a yearly decision
-- changed on top of them, for every tenant (reference table, kept by the operator): `off` true is a day
-- off (a swapped day, the second National Day day), false a working day (a make-up Saturday, a nghỉ bù
-- the Government moved elsewhere).
CREATE TABLE holiday_days (
  day              date PRIMARY KEY,
  off              boolean NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
-- The Prime Minister's / Ministry's yearly schedules for civil servants 2022–2026, as the hand-typed
-- list in working-days.ts had them (press reports of the notices), where they differ from the defaults.
INSERT INTO holiday_days (day, off, name) VALUES
  ('2022-09-01', true, 'Quốc khánh: ngày liền kề năm 2022'),
  ('2023-01-20', true, 'Tết Quý Mão: nghỉ từ 20/1'),
  ('2023-01-27', false, 'Làm việc: nghỉ bù Tết Quý Mão đã chuyển lên 20/1'),
  ('2023-09-01', true, 'Quốc khánh: ngày liền kề năm 2023'),
  ('2024-02-08', true, 'Tết Giáp Thìn: nghỉ từ 8/2'),
  ('2024-02-15', false, 'Làm việc: nghỉ bù Tết Giáp Thìn đã chuyển lên 8/2'),
  ('2024-04-29', true, 'Hoán đổi ngày làm việc sang thứ Bảy 4/5/2024'),
  ('2024-05-04', false, 'Làm bù cho thứ Hai 29/4/2024'),
  ('2024-09-03', true, 'Quốc khánh: ngày liền kề năm 2024'),
  ('2025-01-27', true, 'Tết Ất Tỵ: nghỉ từ 27/1'),
  ('2025-02-03', false, 'Làm việc: nghỉ bù Tết Ất Tỵ đã chuyển lên 27/1'),
  ('2025-04-26', false, 'Làm bù cho thứ Sáu 2/5/2025'),
  ('2025-05-02', true, 'Hoán đổi ngày làm việc sang thứ Bảy 26/4/2025');

-- A tenant's own days: a province's decision on a day off (nghỉ bù, a local holiday), or a day its
-- offices work. They win over the shared rows and the defaults for that tenant only.
CREATE TABLE tenant_holiday_days (
  tenant_id        uuid NOT NULL REFERENCES tenants (id),
  day              date NOT NULL,
  off              boolean NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  updated_by       uuid,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, day)
);

-- ── Deadline reminders ─────────────────────────────────────────────────────────────────────────
-- One row per deadline and person reminded, written with the notification in one transaction, so the
-- daily job reminds each person of a deadline once, across restarts and servers. The key names the
-- deadline and its date ('movement_phase:<phase id>:<due date>'): a deadline moved by an amendment is
-- a new deadline.
CREATE TABLE deadline_reminders (
  tenant_id        uuid NOT NULL,
  deadline_key     text NOT NULL,
  user_id          uuid NOT NULL,
  sent_at          timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, deadline_key, user_id)
);
