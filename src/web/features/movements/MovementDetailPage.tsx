import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Crumbs, EXACT } from '../../app/Crumbs.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { OrgLink } from '../organisations/OrgLink.tsx';
import { AmendmentsTab } from './AmendmentsTab.tsx';
import { useMovement, useResponses } from './api.ts';
import { ContentTab } from './ContentTab.tsx';
import { MovementActions } from './MovementActions.tsx';
import { MovementStatusBadge, numberAndSymbol } from './MovementStatusBadge.tsx';
import { PhasesTab } from './PhasesTab.tsx';
import { RegistrationsTab } from './RegistrationsTab.tsx';
import { ResponsesTab } from './ResponsesTab.tsx';
import { MOVEMENT_WRITERS, type MovementTab } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

const route = getRouteApi('/_app/phong-trao/$id');

export function MovementDetailPage() {
  const { t } = useTexts(appTexts);
  const mv = useTexts(movementsTexts);
  const { id } = route.useParams();
  const { tab: wanted = 'content' } = route.useSearch();
  const navigate = route.useNavigate();
  const { hasRole } = useAuth();
  const query = useMovement(id);
  const movement = query.data;
  // Tracking responses is the issuer side's view: the server says whether this user has it, so the units
  // below never ask (and never see a 403) and the tab is simply not shown.
  const responses = useResponses(id, Boolean(movement && movement.status !== 'draft' && movement.canTrackResponses));
  usePageTitle(movement?.name ?? mv.t('title'));

  if (query.isPending) return <Loading />;
  if (!movement) return <ErrorAlert error={query.error} />;

  const showResponses = movement.status !== 'draft' && Boolean(responses.data);
  const showRegistrations = movement.status !== 'draft';
  const showAmendments = movement.amendments.length > 0;
  const available: Record<MovementTab, boolean> = {
    content: true, phases: true, responses: showResponses, registrations: showRegistrations, amendments: showAmendments,
  };
  const tab: MovementTab = available[wanted] ? wanted : 'content';

  return (
    <Stack>
      <Crumbs>
        <AnchorLink to="/phong-trao" activeOptions={EXACT}>{t('nav.movements')}</AnchorLink>
        {movement.parent && <AnchorLink to="/phong-trao/$id" params={{ id: movement.parent.id }} search={{}} activeOptions={EXACT}>{movement.parent.name}</AnchorLink>}
        {movement.name}
      </Crumbs>
      <div>
        <Title order={1} data-testid="movement-name">
          {movement.name}
        </Title>
        <Group gap="xs" mt="xs">
          <MovementStatusBadge status={movement.status} />
          <Text size="sm">{mv.t(`kinds.${movement.kind}`)}</Text>
        </Group>
      </div>
      <section aria-labelledby="movement-facts-heading">
        <Title order={2} size="h3" id="movement-facts-heading" mb="sm">
          {mv.t('detail.facts')}
        </Title>
        <Facts
          items={[
            { label: mv.t('detail.numberSymbol'), value: numberAndSymbol(movement) },
            { label: mv.t('detail.issuedOn'), value: formatDate(movement.issuedOn) },
            { label: mv.t('organisation'), value: <OrgLink id={movement.organisation.id} name={movement.organisation.name} /> },
            { label: mv.t('period'), value: mv.t('periodRange', { from: formatDate(movement.periodStart), to: formatDate(movement.periodEnd) }) },
            { label: mv.t('status'), value: mv.t(`statuses.${movement.status}`) },
            ...(movement.slogan ? [{ label: mv.t('detail.slogan'), value: movement.slogan }] : []),
            ...(movement.parent
              ? [
                  {
                    label: mv.t('detail.cascadedFrom'),
                    value: (
                      <AnchorLink to="/phong-trao/$id" params={{ id: movement.parent.id }} search={{}} data-testid="movement-parent">
                        {mv.t('detail.cascadedFromText', { name: movement.parent.name, organisation: movement.parent.organisationName })}
                      </AnchorLink>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      <MovementActions movement={movement} />
      <Tabs value={tab} onChange={(value) => void navigate({ search: { tab: (value ?? 'content') as MovementTab }, replace: true })} keepMounted={false}>
        <Tabs.List aria-label={mv.t('detail.tabsLabel')}>
          <Tabs.Tab value="content">{mv.t('detail.tabContent')}</Tabs.Tab>
          <Tabs.Tab value="phases">{mv.t('detail.tabPhases')}</Tabs.Tab>
          {showResponses && (
            <Tabs.Tab value="responses" data-testid="movement-responses-tab">
              {mv.t('detail.tabResponses')}
            </Tabs.Tab>
          )}
          {showRegistrations && <Tabs.Tab value="registrations">{mv.t('detail.tabRegistrations')}</Tabs.Tab>}
          {showAmendments && <Tabs.Tab value="amendments">{mv.t('detail.tabAmendments')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="content" pt="md">
          <ContentTab movement={movement} />
        </Tabs.Panel>
        <Tabs.Panel value="phases" pt="md">
          <PhasesTab movement={movement} />
        </Tabs.Panel>
        {showResponses && responses.data && (
          <Tabs.Panel value="responses" pt="md">
            <ResponsesTab movement={movement} responses={responses.data} />
          </Tabs.Panel>
        )}
        {showRegistrations && (
          <Tabs.Panel value="registrations" pt="md">
            <RegistrationsTab movement={movement} canRegister={movement.status === 'issued' && hasRole(...MOVEMENT_WRITERS)} />
          </Tabs.Panel>
        )}
        {showAmendments && (
          <Tabs.Panel value="amendments" pt="md">
            <AmendmentsTab amendments={movement.amendments} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
