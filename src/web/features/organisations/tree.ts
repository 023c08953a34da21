import { foldQuery, foldVietnamese } from '../../../shared/vn/fold.ts';
import type { Org } from './types.ts';

export interface OrgTree {
  byId: Map<string, Org>;
  roots: string[];
  children: Map<string, string[]>;
}

/** Builds the tree from the flat list (siblings keep the server's order); roots are items whose parent is not listed. */
export function buildTree(items: readonly Org[]): OrgTree {
  const byId = new Map(items.map((o) => [o.id, o]));
  const roots: string[] = [];
  const children = new Map<string, string[]>();
  for (const org of items) {
    if (org.parentId !== null && byId.has(org.parentId)) {
      const siblings = children.get(org.parentId);
      if (siblings) siblings.push(org.id);
      else children.set(org.parentId, [org.id]);
    } else {
      roots.push(org.id);
    }
  }
  return { byId, roots, children };
}

/** Every unit, each followed by its sub-units (depth-first), with its depth below the listed roots. */
export function treeOrder(tree: OrgTree): Array<{ org: Org; depth: number }> {
  const out: Array<{ org: Org; depth: number }> = [];
  const visit = (id: string, depth: number) => {
    const org = tree.byId.get(id);
    if (!org) return;
    out.push({ org, depth });
    for (const child of tree.children.get(id) ?? []) visit(child, depth + 1);
  };
  for (const root of tree.roots) visit(root, 0);
  return out;
}

/**
 * Nodes to show for a name filter: every match and its ancestors. `expand` holds the ancestors,
 * so that each match is visible. Returns null when the filter is empty (show everything).
 */
export function filterTree(tree: OrgTree, query: string): { visible: Set<string>; expand: Set<string> } | null {
  const needle = foldQuery(query);
  if (!needle) return null;
  const visible = new Set<string>();
  const expand = new Set<string>();
  for (const org of tree.byId.values()) {
    if (!foldVietnamese(`${org.name} ${org.shortName ?? ''}`).includes(needle)) continue;
    visible.add(org.id);
    let parentId = org.parentId;
    while (parentId !== null && tree.byId.has(parentId) && !expand.has(parentId)) {
      expand.add(parentId);
      visible.add(parentId);
      parentId = tree.byId.get(parentId)?.parentId ?? null;
    }
  }
  return { visible, expand };
}
