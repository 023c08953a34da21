import { Badge, Group, UnstyledButton } from '@mantine/core';
import { AnchorLink } from '../../app/links.tsx';
import type { OrgTree } from './tree.ts';
import { OrgValidity } from './OrgValidity.tsx';
import { isEnded } from './types.ts';
import classes from './organisations.module.css';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

interface Props {
  id: string;
  tree: OrgTree;
  asOf: string;
  expanded: ReadonlySet<string>;
  visible: ReadonlySet<string> | null;
  onToggle: (id: string) => void;
}

/** One unit and, when expanded, its children: a nested list with a disclosure button. */
export function OrgTreeNode({ id, tree, asOf, expanded, visible, onToggle }: Props) {
  const { t } = useTexts(appTexts);
  const org = tree.byId.get(id);
  if (!org) return null;
  const childIds = (tree.children.get(id) ?? []).filter((c) => !visible || visible.has(c));
  const isOpen = expanded.has(id);
  const ended = isEnded(org, asOf);
  const successor = org.successorId ? tree.byId.get(org.successorId) : undefined;

  return (
    <li className={classes.node}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {childIds.length > 0 ? (
          <UnstyledButton
            className={classes.toggle}
            aria-expanded={isOpen}
            aria-label={t(isOpen ? 'org.tree.collapse' : 'org.tree.expand', { name: org.name })}
            onClick={() => onToggle(id)}
          >
            <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
          </UnstyledButton>
        ) : (
          <span className={classes.toggleSpacer} aria-hidden="true" />
        )}
        <Group gap={6} wrap="wrap" className={classes.label}>
          <AnchorLink to="/to-chuc/$id" params={{ id }} c={ended ? 'dimmed' : undefined} td={ended ? 'line-through' : undefined}>
            {org.name}
          </AnchorLink>
          <Badge variant="light" color="gray" size="sm" title={t(`org.kinds.${org.kind}`)}>
            {t(`org.kindShort.${org.kind}`)}
          </Badge>
          <OrgValidity org={org} asOf={asOf} successorName={successor?.name} />
        </Group>
      </Group>
      {isOpen && childIds.length > 0 && (
        <ul className={classes.children}>
          {childIds.map((c) => (
            <OrgTreeNode key={c} id={c} tree={tree} asOf={asOf} expanded={expanded} visible={visible} onToggle={onToggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
