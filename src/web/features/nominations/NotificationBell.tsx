import { useState } from 'react';
import { Badge, Button, Divider, Group, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { useMarkAllRead, useNotifications } from './api.ts';
import { nominationsTexts } from './text.ts';
import { notificationTarget, notificationText } from './notifications.ts';
import type { Notification } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** The header's bell: my unread count (polled each minute), the list, and "mark all read". */
export function NotificationBell() {
  const { t, lang } = useTexts(nominationsTexts);
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const query = useNotifications();
  const markRead = useMarkAllRead();
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];

  const open = (n: Notification) => {
    setOpened(false);
    const target = notificationTarget(n);
    if (target) void navigate(target as Parameters<typeof navigate>[0]);
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
          aria-expanded={opened}
          aria-haspopup="dialog"
          rightSection={unread ? <Badge size="sm" color="red" circle data-testid="notification-count">{unread}</Badge> : undefined}
          data-testid="notification-bell"
        >
          <BellIcon />
          <Text span inherit visibleFrom="sm" ml={4}>{t('notifications.bell')}</Text>
        </Button>
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

/** A bell outline (the text beside it, or the button's name, says what it is). */
function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
