import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ORG_EDITORS, useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { EligibilityPanel } from '../eligibility/EligibilityPanel.tsx';
import { RecordSection } from '../records/RecordSection.tsx';
import { recordsTexts } from '../records/text.ts';
import { useOrganisation } from './api.ts';
import { AddSubUnitButton } from './AddSubUnitButton.tsx';
import { EditOrgButton } from './EditOrgButton.tsx';
import { ReorganiseButtons } from './ReorganiseButtons.tsx';
import { OrgClustersTab } from './OrgClustersTab.tsx';
import { OrgCouncilTab } from './OrgCouncilTab.tsx';
import { OrgInfoTab } from './OrgInfoTab.tsx';
import { OrgMembersTab } from './OrgMembersTab.tsx';
import { isEnded, isNotYetActive, type OrgTab } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

const route = getRouteApi('/_app/to-chuc/$id');

export function OrgDetailPage() {
  const { t } = useTexts(appTexts);
  const { t: recordsText } = useTexts(recordsTexts);
  const { id } = route.useParams();
  const { tab = 'info' } = route.useSearch();
  const navigate = route.useNavigate();
  const { hasRole } = useAuth();
  const query = useOrganisation(id);
  const org = query.data;
  usePageTitle(org?.name ?? t('nav.organisations'));

  if (query.isPending) return <Loading />;
  if (!org) return <ErrorAlert error={query.error} />;

  const today = todayIso();
  const ended = isEnded(org, today);
  const notYet = isNotYetActive(org, today);
  return (
    <Stack>
      <div>
        <Title order={1}>{org.name}</Title>
        <Group gap="xs" mt="xs">
          <Badge variant="light">{t(`org.kinds.${org.kind}`)}</Badge>
          <Badge variant="light" color="gray">{t(`org.levels.${org.level}`)}</Badge>
          {notYet && <Badge variant="light" color="gray">{t('org.activeFrom', { date: formatDate(org.validFrom) })}</Badge>}
          {!notYet && org.validTo && (
            <Badge variant="light" color={ended ? 'red' : 'gray'}>
              {t('org.activeUntil', { date: formatDate(org.validTo) })}
            </Badge>
          )}
          {ended && org.successor && (
            <Text size="sm">
              <span aria-hidden="true">→ </span>
              <AnchorLink to="/to-chuc/$id" params={{ id: org.successor.id }} aria-label={t('org.successorIs', { name: org.successor.name })}>
                {org.successor.name}
              </AnchorLink>
            </Text>
          )}
        </Group>
      </div>
      {hasRole(...ORG_EDITORS) && (
        <Group gap="xs">
          {!ended && <AddSubUnitButton parent={org} />}
          <EditOrgButton org={org} />
          {/* kept mounted once the unit has ended: the dialog shows what its merge or split did */}
          <ReorganiseButtons org={org} ended={ended} />
        </Group>
      )}
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ search: { tab: (value ?? 'info') as OrgTab }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('org.detail.tabsLabel')}>
          <Tabs.Tab value="info">{t('org.detail.tabInfo')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('org.detail.tabMembers')}</Tabs.Tab>
          <Tabs.Tab value="council">{t('org.detail.tabCouncil')}</Tabs.Tab>
          <Tabs.Tab value="clusters">{t('org.detail.tabClusters')}</Tabs.Tab>
          <Tabs.Tab value="record">{recordsText('records.heading')}</Tabs.Tab>
          <Tabs.Tab value="eligibility">{recordsText('eligibility.heading')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="info" pt="md">
          <OrgInfoTab org={org} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <OrgMembersTab id={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="council" pt="md">
          <OrgCouncilTab id={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="clusters" pt="md">
          <OrgClustersTab id={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="record" pt="md">
          <RecordSection subject={{ kind: 'collective', id: org.id }} />
        </Tabs.Panel>
        <Tabs.Panel value="eligibility" pt="md">
          <EligibilityPanel subject={{ kind: 'collective', id: org.id }} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
