/**
 * What counts under an organisation for a report's figures, across the 2025 reorganisation. Pure.
 *
 * Every organisation counts under exactly one "anchor" on the reference date: itself, or — when it had
 * ended by then and has a successor — wherever its successor counts (a district abolished on 30/6/2025
 * counts under the commune that took it over, in its 2022 figures too); a sub-unit without a successor of
 * its own follows its parent (the rule of organisations/store.ts countedUnder). A subtree's figures are
 * those of the organisations anchored in it, so sibling units never share a row and a level's total is
 * the sum of its units plus its own.
 */
export interface OrgNode { id: string; parentId: string | null; path: string; validTo: string | null; successorId: string | null }

export function countingAnchors(orgs: readonly OrgNode[], date: string): Map<string, string> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const anchors = new Map<string, string>();
  const visiting = new Set<string>();
  const anchorOf = (o: OrgNode): string => {
    const known = anchors.get(o.id);
    if (known !== undefined) return known;
    if (visiting.has(o.id)) return o.path; // a successor cycle in bad data: stay put
    visiting.add(o.id);
    let anchor = o.path;
    const successor = o.successorId ? byId.get(o.successorId) : undefined;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (successor && o.validTo !== null && o.validTo < date) anchor = anchorOf(successor);
    else if (parent) {
      const parentAnchor = anchorOf(parent);
      if (parentAnchor !== parent.path) anchor = parentAnchor;
    }
    visiting.delete(o.id);
    anchors.set(o.id, anchor);
    return anchor;
  };
  for (const o of orgs) anchorOf(o);
  return anchors;
}

/** A piece of a scope: an organisation's whole subtree, or the organisation alone. */
export interface ScopeEntry { path: string; subtree: boolean }

/**
 * The fewest entries that cover exactly the organisations in scope: a subtree where every organisation
 * under it is in, the organisation alone where some are not (a district whose communes went to
 * different successors). Entries never overlap, so a row matches at most one.
 */
export function scopeEntries(orgs: readonly OrgNode[], inScope: (o: OrgNode) => boolean): ScopeEntry[] {
  const sorted = [...orgs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // outside[i]: how many of sorted[0..i) are out of scope, so a subtree's misses are one subtraction
  const outside = [0];
  for (const o of sorted) outside.push(outside[outside.length - 1]! + (inScope(o) ? 0 : 1));
  const entries: ScopeEntry[] = [];
  let i = 0;
  while (i < sorted.length) {
    const o = sorted[i]!;
    let end = i + 1;
    while (end < sorted.length && sorted[end]!.path.startsWith(o.path)) end++;
    if (!inScope(o)) { i++; continue; }
    if (outside[end] === outside[i]) {
      entries.push({ path: o.path, subtree: true });
      i = end;
    } else {
      entries.push({ path: o.path, subtree: false });
      i++;
    }
  }
  return entries;
}

export interface KeyedScope { key: string; entries: ScopeEntry[] }

/**
 * The scopes of a compilation at organisation `root`: its whole subtree ('total'), each reporting unit's,
 * and what belongs to no unit ('own': the level itself, its sub-units, units not expected to report).
 */
export function compilationScopes(orgs: readonly OrgNode[], date: string, rootPath: string, unitPaths: ReadonlyMap<string, string>): KeyedScope[] {
  const anchors = countingAnchors(orgs, date);
  const anchor = (o: OrgNode) => anchors.get(o.id) ?? o.path;
  const units = [...unitPaths.values()];
  return [
    { key: 'total', entries: scopeEntries(orgs, (o) => anchor(o).startsWith(rootPath)) },
    { key: 'own', entries: scopeEntries(orgs, (o) => anchor(o).startsWith(rootPath) && !units.some((u) => anchor(o).startsWith(u))) },
    ...[...unitPaths].map(([key, path]) => ({ key, entries: scopeEntries(orgs, (o) => anchor(o).startsWith(path)) })),
  ];
}

/** [lo, hi) of the paths an entry covers in "C" order: a subtree is every path with the prefix ('/' + 1 is '0'). */
export function pathRange(entry: ScopeEntry): { lo: string; hi: string } {
  return entry.subtree ? { lo: entry.path, hi: `${entry.path.slice(0, -1)}0` } : { lo: entry.path, hi: `${entry.path}!` };
}
