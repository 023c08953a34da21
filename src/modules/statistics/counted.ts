import { rangesOverlap, type DateRange } from '../../platform/vn/dates.ts';

/**
 * What counts under an organisation for figures over a period, across reorganisations (pure rules on
 * the organisation tree; scope.ts loads the tree).
 *
 * The rule, as organisations/store.ts countedUnder states it for one date, stretched to a period:
 *  - the organisation's own subtree counts, whatever the validity of its units (an award's year
 *    already places it in time);
 *  - an organisation that merged into something counted (its successor link points there) counts
 *    too, and so do its own sub-units that have no successor of their own, following links to the
 *    end — but only those whose validity overlaps the period: a district abolished on 30/6/2025
 *    counts under the commune that took it over in 2022 figures (and 2025 ones), not in 2026 figures,
 *    where only what happened after the merger counts.
 * A sub-unit of the abolished district that went elsewhere (its own successor) counts where it went.
 */
export interface TreeNode {
  id: string;
  parentId: string | null;
  path: string;
  name: string;
  sortKey: string;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  /** every successor (organisation_successions, 0027): a unit split among several counts under each */
  successorIds?: readonly string[] | undefined;
}

/** The successors of a node: its links, and its one successor link (filled alone by older writers). */
const successorsOf = (n: TreeNode): string[] => [...new Set([...(n.successorIds ?? []), ...(n.successorId ? [n.successorId] : [])])];

/**
 * A path the awards of a counted organisation carry: `subtree` — the organisation and everything
 * under it; not `subtree` — the organisation itself only (its own people and its own collective
 * award), because some of its sub-units count elsewhere.
 */
export interface CountedPrefix { path: string; subtree: boolean }

export interface Period { fromYear: number; toYear: number }

export const periodRange = (p: Period): DateRange => ({ start: `${p.fromYear}-01-01`, end: `${p.toYear}-12-31` });

export interface TreeIndex {
  byId: Map<string, TreeNode>;
  children: Map<string, TreeNode[]>;
  predecessors: Map<string, TreeNode[]>;
  /** every node, in path order */
  nodes: TreeNode[];
}

export function indexTree(nodes: readonly TreeNode[]): TreeIndex {
  const byId = new Map<string, TreeNode>();
  const children = new Map<string, TreeNode[]>();
  const predecessors = new Map<string, TreeNode[]>();
  const push = (map: Map<string, TreeNode[]>, key: string, node: TreeNode) => {
    const list = map.get(key);
    if (list) list.push(node);
    else map.set(key, [node]);
  };
  const sorted = [...nodes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const n of sorted) {
    byId.set(n.id, n);
    if (n.parentId) push(children, n.parentId, n);
    for (const successor of successorsOf(n)) push(predecessors, successor, n);
  }
  return { byId, children, predecessors, nodes: sorted };
}

const overlaps = (n: TreeNode, period: DateRange) => rangesOverlap({ start: n.validFrom, end: n.validTo }, period);

/** The ids of every organisation whose awards count under `rootId` for the period. */
export function countedOrganisations(tree: TreeIndex, rootId: string, period: Period): Set<string> {
  const root = tree.byId.get(rootId);
  if (!root) return new Set();
  const range = periodRange(period);
  const reached = new Set<string>();
  const stack: TreeNode[] = [];
  for (const n of tree.nodes) {
    if (n.path.startsWith(root.path)) {
      reached.add(n.id);
      stack.push(n);
    }
  }
  // successors' predecessors, and their sub-units without a successor of their own, to the end of the links
  while (stack.length) {
    const c = stack.pop()!;
    const next = [...(tree.predecessors.get(c.id) ?? []), ...(tree.children.get(c.id) ?? []).filter((o) => successorsOf(o).length === 0)];
    for (const o of next) {
      if (reached.has(o.id)) continue;
      reached.add(o.id);
      stack.push(o);
    }
  }
  const counted = new Set<string>();
  for (const id of reached) {
    const n = tree.byId.get(id)!;
    if (n.path.startsWith(root.path) || overlaps(n, range)) counted.add(id);
  }
  return counted;
}

/**
 * The fewest paths that cover exactly the counted organisations: an organisation whose whole subtree
 * counts is one subtree prefix; one with a sub-unit counted elsewhere is itself only, and its counted
 * sub-units come on their own. The paths never overlap, so no award is counted twice.
 */
export function minimalPrefixes(tree: TreeIndex, counted: ReadonlySet<string>): CountedPrefix[] {
  const whole = new Map<string, boolean>();
  const isWhole = (n: TreeNode): boolean => {
    const known = whole.get(n.id);
    if (known !== undefined) return known;
    const value = counted.has(n.id) && (tree.children.get(n.id) ?? []).every(isWhole);
    whole.set(n.id, value);
    return value;
  };
  const out: CountedPrefix[] = [];
  for (const n of tree.nodes) {
    if (!counted.has(n.id)) continue;
    const parent = n.parentId ? tree.byId.get(n.parentId) : undefined;
    if (!isWhole(n)) out.push({ path: n.path, subtree: false });
    else if (!(parent && isWhole(parent))) out.push({ path: n.path, subtree: true });
  }
  return out;
}

/** Does an award's recipient path fall under the prefixes? */
export function pathCounted(prefixes: readonly CountedPrefix[], path: string): boolean {
  return prefixes.some((p) => (p.subtree ? path.startsWith(p.path) : path === p.path));
}

/**
 * The rows of the "by unit" table: the root's direct children that existed during the period, each
 * counting what counts under it, and the rest of what counts under the root (its own people, and
 * units that belong to no listed child: an abolished unit's late award) under the root's own id.
 * Returns, for every counted organisation's path, the rows it counts in: a unit merged into a
 * sibling counts in both the old and the new unit's row, so the rows may add up to more than the total.
 */
export function unitRows(tree: TreeIndex, rootId: string, period: Period) {
  const range = periodRange(period);
  const units = (tree.children.get(rootId) ?? []).filter((c) => overlaps(c, range))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const countedByUnit = units.map((u) => countedOrganisations(tree, u.id, period));
  const links = { path: [] as string[], row: [] as string[] };
  for (const id of countedOrganisations(tree, rootId, period)) {
    const listed = units.filter((_, i) => countedByUnit[i]!.has(id));
    for (const u of listed.length ? listed : [tree.byId.get(rootId)!]) {
      links.path.push(tree.byId.get(id)!.path);
      links.row.push(u.id);
    }
  }
  return { units, links };
}
