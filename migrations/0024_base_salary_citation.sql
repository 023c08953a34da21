-- The 1/7/2026 base salary cited notes kept outside the repository; its decree is still to be confirmed
-- (docs/legal/money.md#base-salary). Only the untouched row changes: an administrator's edit stays.
UPDATE base_salaries SET citation = 'Mức lương cơ sở từ 01/7/2026 (văn bản quy định: cần xác minh)'
WHERE effective_from = '2026-07-01' AND citation = 'Mức lương cơ sở từ 01/7/2026 (LEGAL.md)';
