import type { ReactNode } from 'react';
import { Box, Group, Paper, Text } from '@mantine/core';
import classes from './app.module.css';

export interface StackedItem {
  key: string;
  title: ReactNode;
  /** label → value lines; empty values are left out */
  lines: Array<{ label: string; value: ReactNode }>;
  actions?: ReactNode;
}

/** On phones, a table's rows as a list of small cards: the title, then "label: value" lines. */
export function StackedList({ label, items, empty, testId }: { label: string; items: StackedItem[]; empty?: string; testId?: string }) {
  if (items.length === 0 && empty) return <Text>{empty}</Text>;
  return (
    <Box component="ul" aria-label={label} className={classes.stacked} data-testid={testId}>
      {items.map((item) => (
        <Paper component="li" key={item.key} withBorder p="sm">
          <Text fw={600}>{item.title}</Text>
          <Box component="dl" className={classes.stackedLines}>
            {item.lines
              .filter((l) => l.value !== null && l.value !== undefined && l.value !== '')
              .map((l) => (
                <div key={l.label}>
                  <Text component="dt" size="sm" fw={600}>
                    {l.label}:
                  </Text>{' '}
                  <Text component="dd" size="sm" m={0}>
                    {l.value}
                  </Text>
                </div>
              ))}
          </Box>
          {item.actions && (
            <Group gap="xs" mt="xs">
              {item.actions}
            </Group>
          )}
        </Paper>
      ))}
    </Box>
  );
}
