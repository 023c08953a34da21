import { useState, type ReactNode } from 'react';
import { Button, Group, type ButtonProps } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { FormFooter as SharedFormFooter } from '../../app/FormFooter.tsx';
import type { MovementDetail, Paragraph } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

/** Whether the plan's body may be edited here and now: a draft, by someone who may write it. */
export function isEditable(movement: MovementDetail): boolean {
  return movement.status === 'draft' && movement.canWrite && movement.allowedActions.includes('edit');
}

/**
 * A button that opens a dialog with a form. The form is mounted only while the dialog is open, so it
 * starts from the item as it is now each time.
 */
export function EditorButton({
  children, label, title, modalSize = 'lg', form, testId, ...buttonProps
}: Omit<ButtonProps, 'children' | 'form'> & {
  children: ReactNode;
  /** accessible name when the visible text alone is ambiguous; starts with the visible text */
  label?: string;
  title: string;
  modalSize?: 'md' | 'lg' | 'xl';
  form: (close: () => void) => ReactNode;
  testId?: string;
}) {
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button aria-label={label} onClick={() => setOpened(true)} data-testid={testId} {...buttonProps}>
        {children}
      </Button>
      <AppModal opened={opened} onClose={close} title={title} size={modalSize}>
        {opened && form(close)}
      </AppModal>
    </>
  );
}

/** Edit and remove buttons for one item of the plan. */
export function ItemActions({
  name, editTitle, form, onRemove,
}: {
  /** the item in a few words, for the buttons' names and the question */
  name: string;
  editTitle: string;
  form: (close: () => void) => ReactNode;
  onRemove: () => Promise<unknown>;
}) {
  const mv = useTexts(movementsTexts);
  const short = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return (
    <Group gap={4} wrap="nowrap" display="inline-flex" style={{ verticalAlign: "middle" }}>
      <EditorButton size="compact-sm" variant="subtle" title={editTitle} label={mv.t('editor.editLabel', { name: short })} form={form}>
        {mv.t('editor.edit')}
      </EditorButton>
      <ConfirmButton
        variant="subtle"
        color="red"
        size="compact-sm"
        label={mv.t('editor.removeLabel', { name: short })}
        question={mv.t('editor.removeQuestion', { name: short })}
        confirmLabel={mv.t('editor.remove')}
        onConfirm={onRemove}
      >
        {mv.t('editor.remove')}
      </ConfirmButton>
    </Group>
  );
}

/** Cancel and submit at the foot of an editor form: "Add" for a new item, "Save" for an edited one. */
export function FormFooter({ isNew, ...rest }: { error: unknown; busy: boolean; disabled?: boolean; onCancel: () => void; isNew: boolean }) {
  const { t } = useTexts(appTexts);
  return <SharedFormFooter {...rest} submitLabel={isNew ? t('common.add') : t('common.save')} />;
}

/** Non-empty trimmed lines of a text. */
export function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

/**
 * Paragraphs from one line each, keeping the id and `inheritedFrom` of the paragraphs they came from:
 * an unchanged line keeps its paragraph; an edited line keeps the paragraph at its place; new lines are new.
 */
export function paragraphsFrom(text: string, existing: Paragraph[]): Paragraph[] {
  const lines = linesOf(text);
  const used = new Set<string>();
  const result: (Paragraph | null)[] = lines.map((line) => {
    const same = existing.find((p) => !used.has(p.id) && p.text === line);
    if (!same) return null;
    used.add(same.id);
    return same;
  });
  return lines.map((line, i) => {
    const kept = result[i];
    if (kept) return kept;
    const atPlace = existing[i];
    if (atPlace && !used.has(atPlace.id)) {
      used.add(atPlace.id);
      return { ...atPlace, text: line };
    }
    return { id: crypto.randomUUID(), inheritedFrom: null, text: line };
  });
}

export const linesFrom = (items: Paragraph[]) => items.map((p) => p.text).join('\n');

/** Replace the item with the same id, or append a new one. */
export function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];
}
