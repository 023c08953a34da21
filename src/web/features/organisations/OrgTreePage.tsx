import { useMemo, useState } from 'react';
import { Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { DateField } from '../../app/DateField.tsx';
import { todayIso } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useOrgTree } from './api.ts';
import { buildTree, filterTree } from './tree.ts';
import { OrgTreeNode } from './OrgTreeNode.tsx';
import { isNotYetActive } from './types.ts';
import classes from './organisations.module.css';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

export function OrgTreePage() {
  const { t } = useTexts(appTexts);
  usePageTitle(t('org.tree.title'));
  const [asOf, setAsOf] = useState(todayIso());
  const [includeEnded, setIncludeEnded] = useState(false);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Set<string> | null>(null);

  const day = asOf || todayIso();
  const query = useOrgTree(day, includeEnded);
  // With dissolved units the server answers across all time; units founded after the day stay out.
  const tree = useMemo(() => buildTree((query.data ?? []).filter((o) => !isNotYetActive(o, day))), [query.data, day]);
  const filtered = useMemo(() => filterTree(tree, filter), [tree, filter]);
  // Until the user toggles something, the first level is open.
  const open = filtered?.expand ?? expanded ?? new Set(tree.roots);
  const roots = tree.roots.filter((r) => !filtered || filtered.visible.has(r));

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setFilter('');
    setExpanded(next);
  };

  return (
    <Stack>
      <Title order={1}>{t('org.tree.title')}</Title>
      <Group align="flex-end" wrap="wrap">
        <DateField label={t('org.tree.asOf')} value={asOf} onChange={setAsOf} maw={180} data-testid="tree-as-of" />
        <TextInput
          label={t('org.tree.filter')}
          placeholder={t('org.tree.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          type="search"
        />
        <Checkbox
          label={t('org.tree.includeEnded')}
          checked={includeEnded}
          onChange={(e) => setIncludeEnded(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => { setFilter(''); setExpanded(new Set(tree.children.keys())); }}>
          {t('org.tree.expandAll')}
        </Button>
        <Button variant="default" size="xs" onClick={() => { setFilter(''); setExpanded(new Set()); }}>
          {t('org.tree.collapseAll')}
        </Button>
      </Group>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && roots.length === 0 && (
        <Text>
          {filter.trim() ? t('common.nothingFound') : `${t('org.tree.empty')} ${includeEnded ? '' : t('org.tree.emptyHint')}`}
        </Text>
      )}
      <nav aria-label={t('org.tree.treeLabel')}>
        <ul className={classes.tree}>
          {roots.map((id) => (
            <OrgTreeNode
              key={id}
              id={id}
              tree={tree}
              asOf={day}
              expanded={open}
              visible={filtered?.visible ?? null}
              onToggle={toggle}
            />
          ))}
        </ul>
      </nav>
    </Stack>
  );
}
