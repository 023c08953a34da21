import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';

/**
 * Lists never count more than they show (issue 16): a page is fetched with one row more than it shows, which
 * says whether a next page exists, and the total is counted only up to a cap. Counting a province's million
 * people to print "of 1,000,000" would walk them all; "of more than 1,000" is as useful and costs a page.
 */
export const COUNT_CAP = 1000;

/** What a list answers beside its items: `total` is exact unless `totalCapped`, when there are more than `total`. */
export const pageInfo = {
  total: z.number().int().describe('how many match, exact up to the cap; when totalCapped, more than this'),
  totalCapped: z.boolean().describe('true when more match than total (the count stops at the cap)'),
  hasNext: z.boolean().describe('a next page exists'),
};

export interface PageInfo { total: number; totalCapped: boolean; hasNext: boolean }

export interface PageRequest { page: number; pageSize: number }

/** LIMIT and OFFSET of a page, asking for one row more than it shows. */
export function pageWindow({ page, pageSize }: PageRequest) {
  return { limit: pageSize + 1, offset: (page - 1) * pageSize };
}

/**
 * The page's rows and what is known of the total. When there is no next page and the page is not empty (or
 * is the first), the total is exact from the rows alone; otherwise `count` is asked to count up to cap + 1.
 */
export async function pageOf<T>(fetched: T[], request: PageRequest, count: (atMost: number) => Promise<number>, cap = COUNT_CAP):
  Promise<{ rows: T[] } & PageInfo> {
  const hasNext = fetched.length > request.pageSize;
  const rows = hasNext ? fetched.slice(0, request.pageSize) : fetched;
  const before = (request.page - 1) * request.pageSize;
  if (!hasNext && (rows.length > 0 || request.page === 1)) return { rows, total: before + rows.length, totalCapped: false, hasNext };
  const counted = await count(cap + 1);
  return counted > cap ? { rows, total: cap, totalCapped: true, hasNext } : { rows, total: counted, totalCapped: false, hasNext };
}

/** The count of a list query's rows (its ORDER BY, LIMIT and OFFSET dropped) that stops at `atMost`. */
export function countQuery<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, atMost: number) {
  const bounded = query.clearSelect().clearOrderBy().clearLimit().clearOffset().select(sql<number>`1`.as('one')).limit(atMost);
  return sql<{ n: string }>`SELECT count(*) AS n FROM (${bounded}) AS bounded`;
}

/** Counts the rows of a list query, stopping at `atMost`. */
export async function countUpTo<D, DB, TB extends keyof DB, O>(db: Kysely<D>, query: SelectQueryBuilder<DB, TB, O>, atMost: number): Promise<number> {
  const { rows } = await countQuery(query, atMost).execute(db);
  return Number(rows[0]!.n);
}
