import { z } from 'zod';
import { calendarDate } from '../../platform/http/dates.ts';

/**
 * The figures a report carries, filled in from the data (never typed by the unit): registrations for
 * the movement, titles and awards decided in the period by award form with who received them, and the
 * nominations moved in the period. Pure shapes and sums; the SQL is in figures-store.ts.
 */
const count = z.number().int().min(0);

export const awardFigureSchema = z.object({
  awardForm: z.string(),
  total: count,
  /** of which decided for this movement (awards.movement_id: the movement or a plan cascaded from it) */
  forMovement: count,
  collectives: count,
  individuals: count,
  women: count,
  ethnicMinorities: count,
  /** individuals holding no leader's post at decision time (plans ask to favour them) */
  nonLeaders: count,
  directWorkers: count,
  /** đồng paid with the awards (where recorded) */
  amount: count,
});
export type AwardFigure = z.infer<typeof awardFigureSchema>;

export const figuresSchema = z.object({
  period: z.object({ from: calendarDate, to: calendarDate }),
  registrations: z.object({ units: count, collectives: count, individuals: count }),
  awards: z.array(awardFigureSchema),
  nominations: z.object({ submitted: count, accepted: count, returned: count }),
});
export type Figures = z.infer<typeof figuresSchema>;

const AWARD_COUNTS = ['total', 'forMovement', 'collectives', 'individuals', 'women', 'ethnicMinorities', 'nonLeaders', 'directWorkers', 'amount'] as const;

export function emptyFigures(period: Figures['period']): Figures {
  return { period, registrations: { units: 0, collectives: 0, individuals: 0 }, awards: [], nominations: { submitted: 0, accepted: 0, returned: 0 } };
}

export function emptyAward(awardForm: string): AwardFigure {
  return { awardForm, total: 0, forMovement: 0, collectives: 0, individuals: 0, women: 0, ethnicMinorities: 0, nonLeaders: 0, directWorkers: 0, amount: 0 };
}

/** Sums figures of the same period, award form by award form (in the order the forms first appear). */
export function addFigures(period: Figures['period'], all: readonly Figures[]): Figures {
  const out = emptyFigures(period);
  const forms = new Map<string, AwardFigure>();
  for (const f of all) {
    for (const k of ['units', 'collectives', 'individuals'] as const) out.registrations[k] += f.registrations[k];
    for (const k of ['submitted', 'accepted', 'returned'] as const) out.nominations[k] += f.nominations[k];
    for (const a of f.awards) {
      const sum = forms.get(a.awardForm) ?? emptyAward(a.awardForm);
      for (const k of AWARD_COUNTS) sum[k] += a[k];
      forms.set(a.awardForm, sum);
    }
  }
  out.awards = [...forms.values()];
  return out;
}

/** All award forms together: the table's last row. */
export function awardTotals(f: Figures): AwardFigure {
  return addFigures(f.period, [{ ...f, awards: f.awards.map((a) => ({ ...a, awardForm: '' })) }]).awards[0] ?? emptyAward('');
}

/** Award forms in the catalogue's order, so every table of a report reads the same way. */
export function sortAwards(f: Figures, order: ReadonlyMap<string, number>): Figures {
  const rank = (code: string) => order.get(code) ?? Number.MAX_SAFE_INTEGER;
  return { ...f, awards: [...f.awards].sort((a, b) => rank(a.awardForm) - rank(b.awardForm) || a.awardForm.localeCompare(b.awardForm)) };
}
