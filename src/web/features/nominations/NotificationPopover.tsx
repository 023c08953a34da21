import type { ReactElement } from 'react';
import { Badge, Button, Divider, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { useMarkAllRead, useNotifications } from './api.ts';
import { nominationsTexts } from './text.ts';
import { notificationTarget, notificationText } from './notifications.ts';
import type { Notification } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * The bell's list of notifications around the bell's button (NotificationBell.tsx), its own chunk: the popover,
 * floating-ui and every notice's words load at the first click, not with the first page.
 */
export function NotificationPopover({ opened, onChange, children }: { opened: boolean; onChange(opened: boolean): void; children: ReactElement }) {
  const { t, lang } = useTexts(nominationsTexts);
  const navigate = useNavigate();
  const query = useNotifications();
  const markRead = useMarkAllRead();
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];

  const open = (n: Notification) => {
    onChange(false);
    const target = notificationTarget(n);
    if (target) void navigate(target as Parameters<typeof navigate>[0]);
  };

  return (
    <Popover opened={opened} onChange={onChange} width={360} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        {children}
      </Popover.Target>
      <Popover.Dropdown role="dialog" aria-label={t('notifications.heading')} p="xs">
        <Group justify="space-between" mb="xs">
          <Text fw={700}>{t('notifications.heading')}</Text>
          {unread > 0 && (
            <Button size="compact-xs" variant="light" loading={markRead.isPending} onClick={() => markRead.mutate()} data-testid="notifications-mark-read">
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={query.error ?? markRead.error} />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">{t('notifications.empty')}</Text>
        ) : (
          <ScrollArea.Autosize mah={400} type="auto">
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((n, i) => (
                <li key={n.id}>
                  {i > 0 && <Divider />}
                  <UnstyledButton onClick={() => open(n)} p="xs" w="100%" data-testid="notification-item" data-read={n.read}>
                    <Text size="sm" fw={n.read ? 400 : 700}>
                      {notificationText(lang, n)}
                      {!n.read && <Badge ml={6} size="xs" variant="light" color="red">{t('notifications.unread')}</Badge>}
                    </Text>
                    <Text size="xs" c="dimmed">{formatInstant(n.createdAt)}</Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
