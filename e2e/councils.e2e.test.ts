import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { screenshot, settledViolations, signIn, useAppAndBrowser } from './support.ts';

/**
 * Issue 14.2: the province's standing agency keeps its own council and clusters, not only the demo's —
 * it creates a council with its members by hand, then loads a block of departments from a file with the
 * new council's member following it, and sees both on their screens.
 */
const session = useAppAndBrowser();
const CLUSTER_HEADERS = ['Mã cụm/khối', 'Tên cụm/khối', 'Loại', 'Năm', 'Mã đơn vị tổ chức', 'Mã đơn vị thành viên', 'Vai trò',
  'Thành viên Hội đồng theo dõi (mã cán bộ hoặc tên đăng nhập)'];

interface Person { id: string; code: string | null; fullName: string }
interface Org { id: string; code: string | null; name: string; depth: number; kind: string }

describe('councils and clusters kept by the agency', () => {
  it('creates a council with members by hand, imports a block from a file, and sees both', async () => {
    const page = await signIn(session.browser, session.app.baseUrl, 'thuongtruc');
    const people = await page.evaluate(async () => (await (await fetch('/api/people?pageSize=50')).json()).items as Person[]);
    const [chair, secretary] = people.filter((p) => p.code).slice(0, 2) as [Person, Person];
    const tree = await page.evaluate(async () => (await (await fetch('/api/organisations/tree')).json()).items as Org[]);
    const departments = tree.filter((o) => o.code && o.kind === 'department').slice(0, 3);
    expect(departments).toHaveLength(3);
    // a unit has one council at a time: the new council goes to a department that has none yet
    const withCouncil = new Set(await page.evaluate(async () =>
      ((await (await fetch('/api/council/councils')).json()).items as { organisation: { id: string } }[]).map((c) => c.organisation.id)));
    const home = tree.find((o) => o.kind === 'department' && !withCouncil.has(o.id))!;

    // 1. the council, by hand, from the meetings page
    await page.goto(`${session.app.baseUrl}/hoi-dong`);
    await page.getByTestId('to-councils').click();
    await page.getByRole('heading', { name: 'Hội đồng Thi đua – Khen thưởng các cấp', level: 1 }).waitFor();
    await page.getByTestId('council-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('council-code').fill('HD-E2E');
    await dialog.getByTestId('council-name').fill('Hội đồng Thi đua – Khen thưởng (thử nghiệm)');
    const unit = dialog.getByTestId('council-unit');
    await unit.click();
    await unit.fill(home.name);
    await page.getByRole('option', { name: home.name, exact: true }).first().click();
    // a chairman and a secretary: the two middle rows of the blank form go
    await dialog.getByRole('button', { name: 'Bỏ thành viên 3' }).click();
    await dialog.getByRole('button', { name: 'Bỏ thành viên 2' }).click();
    for (const [i, person] of [[0, chair], [1, secretary]] as const) {
      const picker = dialog.getByTestId(`council-member-${i}-person`);
      await picker.click();
      await picker.fill(person.code!);
      await page.getByRole('option', { name: new RegExp(`^${person.fullName} – ${person.code}`) }).first().click();
    }
    await screenshot(page, 'councils-form');
    await dialog.getByTestId('council-save').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByTestId('councils-table').locator('tr', { hasText: 'HD-E2E' });
    await expect.poll(() => row.innerText()).toMatch(/HD-E2E\s+Hội đồng Thi đua – Khen thưởng \(thử nghiệm\)[\s\S]*2/);
    expect(await settledViolations(page, 'councils-list')).toEqual([]);
    // opened again, the council shows its members, and how to end its term
    await row.getByRole('button', { name: /^Sửa/ }).click();
    await dialog.getByTestId('council-close').waitFor();
    expect(await dialog.getByTestId('council-member-1-person').inputValue()).toContain(secretary.fullName);
    await screenshot(page, 'councils-edit');
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
    await dialog.waitFor({ state: 'detached' });

    // 2. a block of three departments for next year, from a file, followed by the council's chairman
    const year = new Date().getFullYear() + 1;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.addRow(CLUSTER_HEADERS);
    departments.forEach((d, i) => sheet.addRow(['KHOI-E2E', 'Khối thi đua thử nghiệm', 'Khối', year, '', d.code, i === 0 ? 'Trưởng cụm' : i === 1 ? 'Phó cụm' : '',
      i === 0 ? chair.code : '']));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-councils-')), 'cum-khoi.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.goto(`${session.app.baseUrl}/nhap-du-lieu-ban-dau`);
    await page.getByText('5. Cụm, khối thi đua').click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-checked').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-created').innerText()).toBe('3');
    expect(await page.getByTestId('import-clusters').innerText()).toContain('Cụm, khối: 1 mới');
    await screenshot(page, 'clusters-import-done');

    // 3. the block on the clusters' screen, with its head and follower
    await page.goto(`${session.app.baseUrl}/cum-khoi`);
    await page.getByTestId('to-cluster-setup').click();
    await page.getByRole('heading', { name: 'Thiết lập cụm, khối thi đua', level: 1 }).waitFor();
    await page.getByTestId('setup-year').fill(String(year));
    const block = page.getByTestId('clusters-setup-table').locator('tr', { hasText: 'KHOI-E2E' });
    await expect.poll(() => block.innerText()).toContain('Khối thi đua thử nghiệm');
    const text = await block.innerText();
    expect(text).toContain(departments[0]!.name);
    expect(text).toContain(chair.fullName);
    expect(await settledViolations(page, 'clusters-setup')).toEqual([]);
  }, 300_000);
});
