import { Group, Stack, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { PEOPLE_EDITORS, useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { Pager } from '../../app/Pager.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { usePeople } from './api.ts';
import { PeopleFilters } from './PeopleFilters.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { PersonFormButton } from './PersonFormButton.tsx';
import { PAGE_SIZE, type PeopleSearch } from './types.ts';
import { PageHelp } from '../../app/PageHelp.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

const route = getRouteApi('/_app/ca-nhan');

export function PeopleListPage() {
  const { t } = useTexts(appTexts);
  usePageTitle(t('people.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { hasRole } = useAuth();
  const query = usePeople(search);

  // Any filter change goes back to page 1.
  const change = (changes: PeopleSearch) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes, page: undefined }), replace: true });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('people.title')}</Title>
        {hasRole(...PEOPLE_EDITORS) && <PersonFormButton />}
      </Group>
      <PageHelp>{t('people.help')}</PageHelp>
      <PeopleFilters search={search} onChange={change} />
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && <PeopleTable items={query.data.items} />}
      {query.data && (
        <Pager
          page={query.data.page}
          total={query.data.total}
          totalCapped={query.data.totalCapped}
          hasNext={query.data.hasNext}
          pageSize={query.data.pageSize || PAGE_SIZE}
          onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
        />
      )}
    </Stack>
  );
}
