import { useState } from 'react';
import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useUsers } from './api.ts';
import { CreateUserButton } from './CreateUserButton.tsx';
import { UserActions, UserGrants, UserMail, UserStatus } from './UserParts.tsx';
import { UserRow } from './UserRow.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { adminTexts } from './text.ts';

function UsersList() {
  const ad = useTexts(adminTexts);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const query = useUsers(q);
  const users = query.data ?? [];
  const phone = useIsPhone();

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{ad.t('title')}</Title>
        <CreateUserButton />
      </Group>
      <TextInput type="search" label={ad.t('search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={400} />
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.isSuccess && users.length === 0 && <Text>{ad.t('empty')}</Text>}
      {users.length > 0 && phone && (
        <StackedList
          label={ad.t('caption')}
          items={users.map((u) => ({
            key: u.id,
            title: `${u.displayName} (${u.username})`,
            lines: [
              { label: ad.t('status'), value: <UserStatus user={u} /> },
              { label: ad.t('email'), value: <UserMail user={u} /> },
              { label: ad.t('grants'), value: <UserGrants user={u} /> },
            ],
            actions: <UserActions user={u} />,
          }))}
        />
      )}
      {users.length > 0 && !phone && (
        <ScrollTable minWidth={1100} label={ad.t('caption')}>
          <Table striped verticalSpacing="sm" aria-label={ad.t('caption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{ad.t('username')}</Table.Th>
                <Table.Th scope="col">{ad.t('displayName')}</Table.Th>
                <Table.Th scope="col">{ad.t('email')}</Table.Th>
                <Table.Th scope="col">{ad.t('status')}</Table.Th>
                <Table.Th scope="col">{ad.t('grants')}</Table.Th>
                <Table.Th scope="col">{ad.t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((u) => (
                <UserRow key={u.id} user={u} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

export function UsersPage() {
  const ad = useTexts(adminTexts);
  usePageTitle(ad.t('title'));
  return (
    <RequireRole roles={['system_admin']}>
      <UsersList />
    </RequireRole>
  );
}
