import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Text } from '@mantine/core';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { withAllStyles } from '../../app/styles.ts';
import { useNotifications } from './api.ts';

const loadPopover = withAllStyles(() => import('./NotificationPopover.tsx'));
const NotificationPopover = lazy(() => loadPopover().then((m) => ({ default: m.NotificationPopover })));

/**
 * The header's bell: my unread count (polled each minute) on every page; the list and "mark all read" open in a
 * popover whose code is fetched when the bell is first pressed (or pointed at), to keep the first page light.
 */
export function NotificationBell() {
  const { t } = useTexts(appTexts);
  const [opened, setOpened] = useState(false);
  const [wanted, setWanted] = useState(false);
  const unread = useNotifications().data?.unread ?? 0;
  const preload = () => void loadPopover();

  const button = (
    <Button
      size="xs"
      variant="default"
      onClick={() => { setWanted(true); setOpened((o) => !o); }}
      onPointerEnter={preload}
      onFocus={preload}
      aria-label={unread ? t('app.bellUnread', { count: unread }) : t('app.bell')}
      aria-expanded={opened}
      aria-haspopup="dialog"
      rightSection={unread ? <Badge size="sm" color="red" circle data-testid="notification-count">{unread}</Badge> : undefined}
      data-testid="notification-bell"
    >
      <BellIcon />
      <Text span inherit visibleFrom="sm" ml={4}>{t('app.bell')}</Text>
    </Button>
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <NotificationPopover opened={opened} onChange={setOpened}>{button}</NotificationPopover>
    </Suspense>
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
