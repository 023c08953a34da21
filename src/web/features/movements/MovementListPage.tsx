import { Group, Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useMovements } from './api.ts';
import { CreateMovementButton } from './CreateMovementButton.tsx';
import { MovementFilters } from './MovementFilters.tsx';
import { MovementTable } from './MovementTable.tsx';
import { MOVEMENT_WRITERS, type MovementsSearch } from './types.ts';
import { PageHelp } from '../../app/PageHelp.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

const route = getRouteApi('/_app/phong-trao');

export function MovementListPage() {
  const mv = useTexts(movementsTexts);
  usePageTitle(mv.t('title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { hasRole } = useAuth();
  const query = useMovements(search);
  const change = (changes: MovementsSearch) => void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{mv.t('title')}</Title>
        {hasRole(...MOVEMENT_WRITERS) && <CreateMovementButton />}
      </Group>
      <PageHelp>{mv.t('help')}</PageHelp>
      <MovementFilters search={search} onChange={change} />
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && <MovementTable items={query.data} />}
    </Stack>
  );
}
