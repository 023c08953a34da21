import type { ReactNode } from 'react';
import { Modal, type MantineSize } from '@mantine/core';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: MantineSize;
  children: ReactNode;
}

// Mantine renders the modal header as <header>, which screen readers and axe take for a second
// page banner; a plain div keeps the page to one banner landmark.
const divHeader = { component: 'div' } as object;

/** A dialog with an h2 title and a labelled close button; no fade, so it is readable at once. */
export function AppModal({ opened, onClose, title, size = 'md', children }: Props) {
  const { t } = useTexts(appTexts);
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} transitionProps={{ duration: 0 }}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...divHeader}>
          <Modal.Title component="h2" fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
