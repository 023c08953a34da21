import type { ReactNode } from 'react';
import { Box } from '@mantine/core';
import classes from './app.module.css';

/**
 * A plain <table> that looks like Mantine's <Table striped> (row lines, odd body rows tinted), for the dashboard:
 * Mantine's Table brings its ScrollArea and, through it, floating-ui into the first page's load (~20 KB gzip). Write
 * its rows as <thead>/<tbody>/<tr>/<th>/<td>; a column's width is `style={{ width: rem(130) }}`.
 */
export function LightTable({ verticalSpacing, maw, children, ...others }: {
  /** as Mantine's: 7px by default, or the theme's xs */
  verticalSpacing?: 'xs';
  maw?: number;
  children: ReactNode;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  return (
    <Box component="table" className={classes.table} data-spacing={verticalSpacing} maw={maw} {...others}>
      {children}
    </Box>
  );
}
