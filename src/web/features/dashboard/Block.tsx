import type { ReactNode } from 'react';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import { AnchorLink } from '../../app/links.tsx';

/** One block of the dashboard: a titled section with a line of context and a link to the page with the details. */
export function Block({ id, title, intro, link, children }: {
  id: string; title: string; intro?: string; link?: { to: LinkProps['to']; search?: Record<string, unknown>; label: string }; children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Title order={2} size="h3" id={id}>{title}</Title>
            {intro && <Text size="sm" c="dimmed">{intro}</Text>}
          </Stack>
          {link && <AnchorLink to={link.to} search={(link.search ?? {}) as never} size="sm">{link.label}</AnchorLink>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
