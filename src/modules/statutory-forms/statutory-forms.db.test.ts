import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { loadDemoDataOnce } from '../demo/index.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { readForm, type ReadForm } from './read-form.testing.ts';
import { reviseAwards } from '../awards/index.ts';
import {
  awardCount, bodyCount, BODY_ROWS, councilCount, movementCount, MOVEMENT_ROWS, recipientAndBasisRows, staffCount, STAFF_ROWS, type Scope,
} from './expected.testing.ts';

let handle: DatabaseHandle;
let app: FastifyInstance;
let standing: Session;
let education: Session;
let province: Scope & { id: string; name: string };
let department: Scope & { id: string; name: string };
/** the award revoked before the tests: a provincial Bằng khen of the 2023 reporting year */
let revoked: { id: string; path: string };

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  await loadDemoDataOnce(handle.db, new Date('2026-11-21T03:00:00Z'));
  const org = (where: 'root' | 'SGDDT') => handle.db.selectFrom('organisations').select(['id', 'tenant_id', 'path', 'name'])
    .$if(where === 'root', (q) => q.where('parent_id', 'is', null)).$if(where !== 'root', (q) => q.where('code', '=', where))
    .executeTakeFirstOrThrow();
  const [root, sgd] = await Promise.all([org('root'), org('SGDDT')]);
  province = { id: root.id, tenantId: root.tenant_id, path: root.path, name: root.name };
  department = { id: sgd.id, tenantId: sgd.tenant_id, path: sgd.path, name: sgd.name };
  revoked = await handle.db.selectFrom('awards').select(['id', 'recipient_path as path']).where('award_form', '=', 'bang_khen_tinh')
    .where('decided_on', '>=', '2022-12-01').where('decided_on', '<=', '2023-11-30').orderBy('id').limit(1)
    .executeTakeFirstOrThrow() as { id: string; path: string };
  await reviseAwards(handle.db, province.tenantId, { awardIds: [revoked.id] }, { set: { revoked_on: '2024-05-02', revocation_number: '15/QĐ-UBND' } });
  standing = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
  education = await signIn(app, 'canbo.sgd', DEMO_PASSWORD);
});
afterAll(async () => { await app?.close(); await handle?.close(); });

const url = (code: string, organisationId: string, year: number | string) => `/api/statutory-forms/${code}.xlsx?organisationId=${organisationId}&year=${year}`;

async function download(session: Session, code: string, organisationId: string, year: number): Promise<ReadForm> {
  const response = await session.request({ method: 'GET', url: url(code, organisationId, year) });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  return readForm(response.rawPayload);
}

/** Every cell of a row against its own count; a null count means the cell must be printed blank (grey). */
function expectCell(form: ReadForm, code: string, col: number, expected: number | null) {
  const where = `${code} / ${form.text(form.numbersRow, col)} ${form.headerChain(col).join(' › ')}`;
  if (expected === null) {
    expect(form.value(code, col), where).toBeNull();
    expect(form.isGrey(code, col), where).toBe(true);
  } else {
    expect(form.value(code, col), where).toBe(expected);
  }
}

const cases = () => [
  { who: 'the province', session: standing, scope: province },
  { who: 'a department', session: education, scope: department },
];

describe('the list of forms', () => {
  it('lists the five forms with the reporting period and the due date 15/12', async () => {
    const response = await standing.request({ method: 'GET', url: '/api/statutory-forms?year=2025' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.dueOn).toBe('2025-12-15');
    expect(body.period).toEqual({ from: '2024-12-01', to: '2025-11-30' });
    expect(body.forms.map((f: { number: string }) => f.number)).toEqual(['0601', '0602', '0603', '0604', '0605'].map((c) => `${c}.N/BNV-TĐKT`));
  });
});

describe('the paper form\'s layout', () => {
  it('every form has the header block, the title, the year, lettered and numbered columns and the signatures', async () => {
    for (const code of ['0601', '0602', '0603', '0604', '0605']) {
      const form = await download(standing, code, province.id, 2023);
      expect(form.text(1, 1)).toBe(`Biểu số: ${code}.N/BNV-TĐKT`);
      expect(form.text(2, 1)).toBe('Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/3/2023');
      expect(form.text(3, 1)).toBe('Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo');
      expect(form.find(`Đơn vị báo cáo: ${province.name}`)).not.toBeNull();
      expect(form.find('Đơn vị nhận báo cáo: Bộ Nội vụ')).not.toBeNull();
      expect(form.find('Năm 2023 (kỳ báo cáo từ ngày 01/12/2022 đến ngày 30/11/2023)')).not.toBeNull();
      const letters = ['A', 'B', 'C'].slice(0, form.stubs);
      expect(letters.map((_, i) => form.text(form.numbersRow, i + 1))).toEqual(letters);
      expect(form.text(form.numbersRow, form.stubs + 1)).toMatch(/^1/);
      expect(form.text(form.rowOf('01'), 1)).toBe('Tổng số');
      for (const words of ['Người lập biểu', 'Thủ trưởng đơn vị', '(Ký, họ tên)', '(Ký, họ tên, đóng dấu)']) expect(form.find(words), words).not.toBeNull();
      expect(form.sheet.getCell(1, 1).font.name).toBe('Times New Roman');
      expect(form.sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    }
  });

  it('0602 gives each Labour Order its own Tập thể / Cá nhân pair under column 2, the numbers 1–9 in order', async () => {
    const form = await download(standing, '0602', province.id, 2019);
    const numbers = [...new Set(form.dataColumns.map((c) => form.text(form.numbersRow, c)))];
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const medals = form.columnsNumbered('2').map((c) => form.headerChain(c).slice(-2).join(' / '));
    expect(medals).toEqual(['Huân chương Lao động hạng Ba / Tập thể', 'Huân chương Lao động hạng Ba / Cá nhân',
      'Huân chương Lao động hạng Nhì / Tập thể', 'Huân chương Lao động hạng Nhì / Cá nhân',
      'Huân chương Lao động hạng Nhất / Tập thể', 'Huân chương Lao động hạng Nhất / Cá nhân']);
    expect(form.headerChain(form.columnsNumbered('3')[0]!)).toEqual(['Chia ra', 'Giải thưởng Hồ Chí Minh (*)', 'Cá nhân']);
  });

  it('a department\'s forms go to the standing agency of the level above', async () => {
    const form = await download(education, '0603', department.id, 2023);
    expect(form.find(`Đơn vị báo cáo: ${department.name}`)).not.toBeNull();
    expect(form.find('Đơn vị nhận báo cáo: Ban Thi đua – Khen thưởng')).not.toBeNull();
  });
});

describe('every number equals a direct count on the demo province', () => {
  it('0601: movements launched in the reporting year', async () => {
    for (const { who, session, scope } of cases()) {
      for (const year of [2019, 2021, 2023]) {
        const form = await download(session, '0601', scope.id, year);
        const [total, national, byRoot, other] = form.dataColumns;
        for (const [code, where] of MOVEMENT_ROWS) {
          for (const [col, column] of [[total, sql`true`], [national, null], [byRoot, sql`o.parent_id IS NULL`], [other, sql`o.parent_id IS NOT NULL`]] as const) {
            const expected = where && column ? await movementCount(handle.db, scope, year, sql`${where} AND ${column}`) : null;
            expectCell(form, code, col!, expected);
          }
        }
        if (who === 'the province' && year === 2019) expect(form.value('01', total!)).toBe(3);
      }
    }
  });

  it('0602: State-level awards decided in the reporting year, revoked ones left out', async () => {
    const catalogue = await handle.db.selectFrom('award_forms').select(['code', 'name', 'level']).execute();
    const state = catalogue.filter((f) => f.level === 'state' || f.level === 'government').map((f) => f.code);
    const columnForms = (chain: string[]) => {
      if (chain[0] === 'Tổng số') return state;
      if (chain.includes('Danh hiệu "Chiến sĩ thi đua toàn quốc"')) return ['chien_si_thi_dua_toan_quoc'];
      return catalogue.filter((f) => chain.includes(f.name)).map((f) => f.code);
    };
    const rows: [string, ReturnType<typeof sql> | null][] = [['01', sql`true`], ['02', sql`false`], ['03', sql`true`], ...recipientAndBasisRows(6, 15)];
    for (const { session, scope } of cases()) {
      for (const year of [2019, 2020, 2023]) {
        const form = await download(session, '0602', scope.id, year);
        for (const col of form.dataColumns) {
          const chain = form.headerChain(col);
          const blank = chain.some((label) => label.endsWith('(*)'));
          const recipient = chain.at(-1) === 'Tập thể' ? sql`a.organisation_id IS NOT NULL` : chain.at(-1) === 'Cá nhân' ? sql`a.person_id IS NOT NULL` : sql`true`;
          for (const [code, where] of rows) {
            const expected = blank || !where ? null : await awardCount(handle.db, scope, year, columnForms(chain), sql`${where} AND ${recipient}`);
            expectCell(form, code, col, expected);
          }
        }
      }
    }
  });

  it('0603: provincial Bằng khen, Chiến sĩ thi đua and Cờ thi đua decided in the reporting year, revoked ones left out', async () => {
    const forms: Record<string, string[] | null> = {
      '1': ['bang_khen_tinh', 'chien_si_thi_dua_tinh', 'co_thi_dua_tinh'], '2': ['bang_khen_tinh'], '3': ['chien_si_thi_dua_tinh'],
      '4': ['co_thi_dua_tinh'], '5': null,
    };
    for (const { session, scope } of cases()) {
      for (const year of [2019, 2021, 2023, 2026]) {
        const form = await download(session, '0603', scope.id, year);
        for (const [code, where] of [['01', sql`true`], ...recipientAndBasisRows(2, 11)] as const) {
          for (const [number, codes] of Object.entries(forms)) {
            const [col] = form.columnsNumbered(number);
            expectCell(form, code, col!, codes && where ? await awardCount(handle.db, scope, year, codes, where) : null);
          }
        }
      }
    }
  });

  it('0604: standing agencies and councils existing in the reporting year', async () => {
    for (const { who, session, scope } of cases()) {
      for (const year of [2020, 2025]) {
        const form = await download(session, '0604', scope.id, year);
        const [col] = form.dataColumns;
        for (const [code, where] of BODY_ROWS) expectCell(form, code, col!, await bodyCount(handle.db, scope, year, where));
        const councils = form.find('Hội đồng Thi đua - Khen thưởng hoạt động trong kỳ')!;
        expect(form.sheet.getCell(councils.row, form.sheet.columnCount).value).toBe(await councilCount(handle.db, scope, year));
        if (who === 'the province') expect(form.value('04', col!)).toBe(1);
      }
    }
  });

  it('0605: the staff of the standing agencies, by age and years of TĐKT work, and the women among them', async () => {
    for (const { session, scope } of cases()) {
      for (const year of [2020, 2025]) {
        const form = await download(session, '0605', scope.id, year);
        const [all, women] = form.dataColumns;
        for (const [code, where] of STAFF_ROWS) {
          const [total, female] = where ? await staffCount(handle.db, scope, year, where) : [null, null];
          expectCell(form, code, all!, total);
          expectCell(form, code, women!, female);
        }
        const line = (label: string) => form.sheet.getCell(form.find(label)!.row, form.sheet.columnCount).value;
        expect(line('Người dân tộc thiểu số')).toBe((await staffCount(handle.db, scope, year, sql`p.ethnicity <> 'Kinh'`))[0]);
        expect(line('Giữ chức vụ lãnh đạo')).toBe((await staffCount(handle.db, scope, year, sql`p.leader`))[0]);
      }
    }
    const reform = await download(standing, '0605', province.id, 2025);
    expect(reform.value('01', reform.dataColumns[0]!)).toBeGreaterThan(10);
  });

  it('a revoked award is not counted', async () => {
    const form = await download(standing, '0603', province.id, 2023);
    const counted = form.value('01', form.columnsNumbered('2')[0]!);
    const withRevoked = await handle.db.selectFrom('awards').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('award_form', '=', 'bang_khen_tinh').where('decided_on', '>=', '2022-12-01').where('decided_on', '<=', '2023-11-30')
      .where('recipient_path', 'like', `${province.path}%`).executeTakeFirstOrThrow();
    expect(revoked.path.startsWith(province.path)).toBe(true);
    expect(counted).toBe(Number(withRevoked.n) - 1);
  });
});

describe('scope and input', () => {
  it('a unit outside the officer\'s subtree answers 404, and an individual may not read the forms', async () => {
    const response = await education.request({ method: 'GET', url: url('0601', province.id, 2024) });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    const individual = await signIn(app, 'canhan', DEMO_PASSWORD);
    expect((await individual.request({ method: 'GET', url: url('0601', province.id, 2024) })).statusCode).toBe(403);
    expect((await individual.request({ method: 'GET', url: '/api/statutory-forms' })).statusCode).toBe(403);
  });

  it('an unknown form or a year out of range is a 400 in Vietnamese, or English when asked', async () => {
    const ask = (path: string, language?: string) => standing.request({ method: 'GET', url: path, ...(language && { headers: { 'accept-language': language } }) });
    const badCode = await ask(url('0609', province.id, 2024));
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.issues[0].message).toContain('chỉ có các biểu 0601, 0602, 0603, 0604 và 0605');
    const badCodeEn = await ask(url('0609', province.id, 2024), 'en');
    expect(badCodeEn.json().error.details.issues[0].message).toContain('the forms are 0601, 0602, 0603, 0604 and 0605');
    for (const year of ['1800', '2024.5', 'abc']) {
      const vi = await ask(url('0601', province.id, year));
      expect(vi.statusCode, year).toBe(400);
      expect(vi.json().error.details.issues[0].message).toBe('Năm báo cáo không hợp lệ: phải là số nguyên từ 1975 đến 2100.');
      const en = await ask(url('0601', province.id, year), 'en');
      expect(en.json().error.details.issues[0].message).toBe('Invalid reporting year: it must be a whole number from 1975 to 2100.');
    }
    expect((await ask('/api/statutory-forms?year=3000')).statusCode).toBe(400);
  });
});
