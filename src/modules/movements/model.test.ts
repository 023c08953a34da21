import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../platform/ids.ts';
import { planSchema, type Plan } from './plan.ts';
import { allowedActions, deadlineInstant, diffAgainstParent, inheritPlan, loosenedQuotas, responseState, transition } from './model.ts';

const newId = () => uuidv7();

/** The Kiên Giang provincial office-culture plan, in brief: the parent An Biên cascades from. */
function provincialPlan(): Plan {
  return planSchema.parse({
    purposes: [{ id: newId(), text: 'Tạo sự chuyển biến mạnh mẽ về ý thức và hành động…' }],
    contents: [
      { id: newId(), participantKind: 'collective', title: 'Thi đua xây dựng cơ quan, đơn vị văn minh, hiện đại, xanh, sạch, đẹp',
        text: 'Đối với tập thể', points: [
          { id: newId(), text: 'Cụ thể hóa các chính sách, quy định của cấp có thẩm quyền…' },
          { id: newId(), text: 'Thực hiện ứng dụng rộng rãi công nghệ thông tin…' }] },
      { id: newId(), participantKind: 'individual', title: 'Thi đua thực hiện văn hóa công sở', text: 'Đối với cá nhân' },
    ],
    awards: [{ id: newId(), phase: 'final_review', awardForm: 'bang_khen_tinh', recipients: ['collective', 'individual'],
      quotas: [{ id: newId(), appliesTo: { label: 'mỗi huyện' }, collectives: 2, individuals: 3 }] }],
  });
}

describe('cascading a movement to a subordinate organisation', () => {
  it('inherits contents, points and award forms with new ids linked to the parent, and cites the parent', () => {
    const parent = provincialPlan();
    const child = inheritPlan(parent, { text: 'Căn cứ Kế hoạch số 127/KH-UBND ngày 19/8/2019 của UBND tỉnh Kiên Giang', movementId: newId() }, newId);
    expect(child.contents).toHaveLength(2);
    expect(child.contents[0]!.id).not.toBe(parent.contents[0]!.id);
    expect(child.contents[0]!.inheritedFrom).toBe(parent.contents[0]!.id);
    expect(child.contents[0]!.points[1]!.inheritedFrom).toBe(parent.contents[0]!.points[1]!.id);
    expect(child.awards[0]!.quotas[0]!.inheritedFrom).toBe(parent.awards[0]!.quotas[0]!.id);
    expect(child.legalBases.map((b) => b.text)).toEqual(['Căn cứ Kế hoạch số 127/KH-UBND ngày 19/8/2019 của UBND tỉnh Kiên Giang']);
    expect(diffAgainstParent(child, parent)).toEqual([]);
  });

  it('shows An Biên\'s local contents as added and a tightened quota as changed', () => {
    const parent = provincialPlan();
    const child = inheritPlan(parent, { text: 'Căn cứ …', movementId: newId() }, newId);
    child.contents[0]!.points.push({ id: newId(), inheritedFrom: null, text: 'Không có khói thuốc lá tại công sở và nơi công cộng.' });
    child.contents.push({ id: newId(), inheritedFrom: null, participantKind: 'collective', title: '', text: 'Không có rác thải nhựa tại công sở và ngoài cộng đồng.', points: [] });
    child.awards[0]!.quotas[0]!.individuals = 2;
    const changes = diffAgainstParent(child, parent);
    expect(changes.filter((c) => c.kind === 'added').map((c) => c.list)).toEqual(['contents']);
    expect(changes.filter((c) => c.kind === 'changed').map((c) => c.list).sort()).toEqual(['awards', 'contents']);
    expect(loosenedQuotas(child, parent)).toEqual([]);
  });

  it('shows a dropped parent content as removed', () => {
    const parent = provincialPlan();
    const child = inheritPlan(parent, { text: 'Căn cứ …', movementId: newId() }, newId);
    child.contents.splice(1, 1);
    expect(diffAgainstParent(child, parent)).toEqual([{ list: 'contents', kind: 'removed', id: parent.contents[1]!.id, parentId: parent.contents[1]!.id }]);
  });

  it('refuses a quota loosened or dropped against the parent', () => {
    const parent = provincialPlan();
    const child = inheritPlan(parent, { text: 'Căn cứ …', movementId: newId() }, newId);
    child.awards[0]!.quotas[0]!.collectives = 3;
    child.awards[0]!.quotas[0]!.individuals = null;
    expect(loosenedQuotas(child, parent).map((v) => [v.field, v.parent, v.child])).toEqual([['collectives', 2, 3], ['individuals', 3, null]]);
  });
});

describe('the lifecycle', () => {
  it('goes draft → issued → closed, and an issued plan is changed only by amendment', () => {
    expect(transition('draft', 'issue')).toBe('issued');
    expect(transition('issued', 'edit')).toBeNull();
    expect(transition('issued', 'amend')).toBe('issued');
    expect(transition('issued', 'close')).toBe('closed');
    expect(allowedActions('closed')).toEqual([]);
    expect(allowedActions('draft').sort()).toEqual(['edit', 'issue']);
  });
});

describe('deadlines in Asia/Ho_Chi_Minh', () => {
  it('a report due on 10/7/2023 is on time until midnight in Hà Nội, overdue a second later', () => {
    expect(deadlineInstant('2023-07-10').toISOString()).toBe('2023-07-10T16:59:59.999Z');
    expect(responseState('2023-07-10', null, new Date('2023-07-10T16:59:59Z'))).toBe('pending');
    expect(responseState('2023-07-10', null, new Date('2023-07-10T17:00:00Z'))).toBe('overdue');
    expect(responseState('2023-07-10', new Date('2023-07-11T02:00:00Z'), new Date('2023-08-01T00:00:00Z'))).toBe('done');
    expect(responseState(null, null, new Date())).toBe('not_due');
  });
});

describe('the plan schema', () => {
  it('refuses an award window that ends before it starts, and a negative quota', () => {
    const bad = planSchema.safeParse({ awards: [{ id: newId(), awardForm: 'giay_khen', recipients: ['individual'],
      window: { opens: '2023-06-20', closes: '2023-06-19' }, quotas: [{ id: newId(), appliesTo: {}, individuals: -1 }] }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('awards.0.window.closes');
    expect(paths).toContain('awards.0.quotas.0.individuals');
  });

  it('holds Sơn La\'s criterion as a rule later checks can evaluate', () => {
    const plan = planSchema.parse({ criteria: [{ id: newId(), awardForm: 'giay_khen', participantKind: 'individual',
      text: 'Từ năm 2019 đến năm 2021 được xếp loại hoàn thành tốt nhiệm vụ trở lên, trong đó có ít nhất 01 năm hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận cấp cơ sở',
      rule: { type: 'all', rules: [
        { type: 'rating', atLeast: 'good', years: { from: 2019, to: 2021 } },
        { type: 'rating', atLeast: 'excellent', years: { from: 2019, to: 2021 }, min: 1 },
        { type: 'initiative', atLeast: 'base', years: { from: 2019, to: 2021 } }] } }] });
    expect(plan.criteria[0]!.rule).toMatchObject({ type: 'all' });
  });
});
