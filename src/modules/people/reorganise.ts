import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { addDays } from '../../platform/vn/dates.ts';
import type { MovePeopleInput } from '../organisations/index.ts';
import { fillAwardRecipients } from '../awards/index.ts';
import { nextVersion } from '../../platform/versions.ts';

type Trx = Transaction<Database>;

interface Period { id: string; start: string; end: string | null; to: string }

/**
 * A period in force at a closed unit on the takeover day moves to the successor without rewriting
 * history: it ends the day before and a copy starts at the successor that day (a period that only
 * starts on or after the takeover day is simply moved). Returns the rows to insert and to end.
 */
function splitPeriods(periods: readonly Period[], onDate: string) {
  const before = addDays(onDate, -1);
  return {
    moved: periods.filter((p) => p.start >= onDate),
    ended: periods.filter((p) => p.start < onDate).map((p) => ({ ...p, end: before, next: { start: onDate, end: p.end } })),
  };
}

/**
 * The people part of a merge or split (organisations/reorganise.ts calls it in its transaction):
 * a merge moves every employment and residence in force at the merged units, and their open
 * households, to the successor; a split moves the employments the officer placed and leaves the
 * others (and the residences and households, placed later by village) where they are.
 */
export async function movePeopleOnReorganisation(trx: Trx, input: MovePeopleInput) {
  const { tenantId, onDate, now } = input;
  const newId = () => uuidv7(now.getTime());
  const from = input.all ? input.all.from : [input.splitFrom!];
  const inForce = await trx.selectFrom('employments').selectAll().where('tenant_id', '=', tenantId).where('organisation_id', 'in', from)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', onDate)])).execute();
  let targets: Map<string, string>;
  if (input.all) {
    targets = new Map(inForce.map((e) => [e.id, input.all!.to]));
  } else {
    const known = new Set(inForce.map((e) => e.id));
    const stray = input.employments.find((e) => !known.has(e.id));
    if (stray) throw new AppError('reorganisation.unknown_employment', 422, { id: stray.id });
    targets = new Map(input.employments.map((e) => [e.id, e.to]));
  }
  const chosen = inForce.filter((e) => targets.has(e.id));
  const jobs = splitPeriods(chosen.map((e) => ({ id: e.id, start: e.start_date, end: e.end_date, to: targets.get(e.id)! })), onDate);
  // one statement per successor (a split has a handful)
  for (const to of new Set(jobs.moved.map((m) => m.to))) {
    await trx.updateTable('employments').set({ organisation_id: to, version: nextVersion() }).where('tenant_id', '=', tenantId)
      .where('id', 'in', jobs.moved.filter((m) => m.to === to).map((m) => m.id)).execute();
  }
  if (jobs.ended.length > 0) {
    await trx.updateTable('employments').set({ end_date: jobs.ended[0]!.end, version: nextVersion() }).where('tenant_id', '=', tenantId)
      .where('id', 'in', jobs.ended.map((e) => e.id)).execute();
    const byId = new Map(chosen.map((e) => [e.id, e]));
    await trx.insertInto('employments').values(jobs.ended.map((e) => {
      const old = byId.get(e.id)!;
      return {
        tenant_id: tenantId, id: newId(), person_id: old.person_id, organisation_id: e.to, position: old.position, is_leader: old.is_leader,
        is_direct_worker: old.is_direct_worker, start_date: e.next.start, end_date: e.next.end, created_at: now,
      };
    })).execute();
  }

  let residences = 0;
  let households = 0;
  if (input.all) {
    const to = input.all.to;
    const living = await trx.selectFrom('residences').selectAll().where('tenant_id', '=', tenantId).where('organisation_id', 'in', from)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', onDate)])).execute();
    const homes = splitPeriods(living.map((r) => ({ id: r.id, start: r.valid_from, end: r.valid_to, to })), onDate);
    if (homes.moved.length > 0) {
      await trx.updateTable('residences').set({ organisation_id: to, version: nextVersion() }).where('tenant_id', '=', tenantId)
        .where('id', 'in', homes.moved.map((m) => m.id)).execute();
    }
    if (homes.ended.length > 0) {
      await trx.updateTable('residences').set({ valid_to: homes.ended[0]!.end, version: nextVersion() }).where('tenant_id', '=', tenantId)
        .where('id', 'in', homes.ended.map((e) => e.id)).execute();
      const byId = new Map(living.map((r) => [r.id, r]));
      await trx.insertInto('residences').values(homes.ended.map((e) => {
        const old = byId.get(e.id)!;
        return {
          tenant_id: tenantId, id: newId(), person_id: old.person_id, organisation_id: to, village: old.village, address: old.address,
          valid_from: e.next.start, valid_to: e.next.end, created_at: now,
        };
      })).execute();
    }
    residences = living.length;
    const moved = await trx.updateTable('households').set({ organisation_id: to, version: (eb) => eb('version', '+', 1), updated_at: now })
      .where('tenant_id', '=', tenantId).where('organisation_id', 'in', from).where('closed_on', 'is', null).executeTakeFirst();
    households = Number(moved.numUpdatedRows);
  }
  // the unit at decision time of the people's awards follows their history
  const personIds = [...new Set(chosen.map((e) => e.person_id))];
  if (personIds.length > 0) await fillAwardRecipients(trx, tenantId, { personIds });
  return { employments: chosen.length, residences, households, left: inForce.length - chosen.length };
}
