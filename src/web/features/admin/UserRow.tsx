import { Table } from '@mantine/core';
import type { UserAccount } from './api.ts';
import { UserActions, UserGrants, UserMail, UserStatus } from './UserParts.tsx';

export function UserRow({ user }: { user: UserAccount }) {
  return (
    <Table.Tr>
      <Table.Td>{user.username}</Table.Td>
      <Table.Td>{user.displayName}</Table.Td>
      <Table.Td>
        <UserMail user={user} />
      </Table.Td>
      <Table.Td>
        <UserStatus user={user} />
      </Table.Td>
      <Table.Td>
        <UserGrants user={user} />
      </Table.Td>
      <Table.Td>
        <UserActions user={user} />
      </Table.Td>
    </Table.Tr>
  );
}
