import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { signIn, startTestApp, type Session } from '../../testing/app.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { loadDemoDataOnce } from '../demo/index.ts';
import { DEMO_PASSWORD } from '../demo/index.ts';
import { addFigures, awardTotals, type Figures } from './figures.ts';

/** The demo province's review of the Cao Bằng campaign: who has reported to the province and to Mường Khoa. */
let handle: DatabaseHandle;
let app: FastifyInstance;
let standing: Session, district: Session, education: Session;
let phaseId: string;
let provinceId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
  await loadDemoDataOnce(handle.db, new Date('2026-11-21T03:00:00Z'));
  standing = await signIn(app, 'thuongtruc', DEMO_PASSWORD);
  district = await signIn(app, 'canbo.huyen', DEMO_PASSWORD);
  education = await signIn(app, 'canbo.sgd', DEMO_PASSWORD);
  const received = (await standing.request({ method: 'GET', url: '/api/reports' })).json().received;
  const campaign = received.find((r: { movement: { name: string } }) => r.movement.name.includes('75 năm'));
  phaseId = campaign.phaseId;
  provinceId = campaign.organisation.id;
});
afterAll(async () => { await app.close(); await handle.close(); });

const states = (c: { units: { organisation: { name: string }; state: string }[] }) =>
  Object.fromEntries(c.units.map((u) => [u.organisation.name, u.state]));

describe('the demo campaign\'s review', () => {
  it('shows the province who reported on time, late, was returned, is drafting or has not reported', async () => {
    const c = (await standing.request({ method: 'GET', url: `/api/reports/phases/${phaseId}/compilations/${provinceId}` })).json();
    expect(states(c)).toMatchObject({
      'Ủy ban nhân dân huyện Mường Khoa': 'on_time', 'Sở Y tế': 'on_time', 'Sở Tài chính': 'on_time',
      'Sở Văn hóa, Thể thao và Du lịch': 'late', 'Liên đoàn Lao động tỉnh': 'returned', 'Văn phòng Ủy ban nhân dân tỉnh': 'draft',
      'Sở Giáo dục và Đào tạo': 'missing', 'Ủy ban nhân dân huyện Ngọc Lâm': 'missing',
    });
    // units founded in the 2025 reform owed nothing in 2023; enterprises answer through their own channel
    expect(Object.keys(states(c))).not.toContain('Ủy ban nhân dân xã Mường Khoa');
    expect(Object.keys(states(c)).some((n) => n.startsWith('Công ty'))).toBe(false);
    const sum = addFigures(c.total.period, [...c.units.map((u: { figures: Figures }) => u.figures), c.own]);
    expect(awardTotals(sum)).toEqual(awardTotals(c.total));
    expect(awardTotals(c.total).total).toBeGreaterThan(0);
    expect(c.gathered['0.0'].map((t: { organisation: { name: string } }) => t.organisation.name)).toContain('Ủy ban nhân dân huyện Mường Khoa');
  });

  it('shows Mường Khoa its communes\' reports on its own phase, and starts nothing over what the district sent', async () => {
    const own = (await district.request({ method: 'GET', url: '/api/reports' })).json();
    expect(own.items).toEqual([expect.objectContaining({ phaseId, state: 'on_time', organisation: expect.objectContaining({ name: 'Ủy ban nhân dân huyện Mường Khoa' }) })]);
    const report = (await district.request({ method: 'GET', url: `/api/reports/phases/${phaseId}/organisations/${own.items[0].organisation.id}` })).json();
    expect(report.compilation.phaseId).not.toBe(phaseId);
    const c = (await district.request({ method: 'GET', url: `/api/reports/phases/${report.compilation.phaseId}/compilations/${own.items[0].organisation.id}` })).json();
    expect(states(c)).toEqual({ 'Ủy ban nhân dân xã Chiềng Khoa': 'on_time', 'Ủy ban nhân dân xã Nậm Ty': 'on_time', 'Ủy ban nhân dân xã Pá Hốc': 'draft' });
    expect(c.ownReport).toMatchObject({ phaseId, status: 'submitted', canStart: false });
  });

  it('leaves the Department of Education\'s report to write', async () => {
    const owed = (await education.request({ method: 'GET', url: '/api/reports' })).json();
    expect(owed.items).toEqual([expect.objectContaining({ phaseId, state: 'missing' })]);
  });
});
