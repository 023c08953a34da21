import { Children, type ReactNode } from 'react';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';
import classes from './app.module.css';

/** A crumb's link is active only on its own page (the router would mark a parent path active, aria-current included). */
export const EXACT = { exact: true } as const;

/**
 * Where a detail page sits (Phong trào thi đua › the movement › the batch): links to the pages above it, then the
 * page itself (aria-current). A labelled nav with an ordered list, as WAI-ARIA's breadcrumb pattern has it.
 */
export function Crumbs({ children }: { children: ReactNode }) {
  const { t } = useTexts(appTexts);
  const items = Children.toArray(children);
  return (
    <nav aria-label={t('common.breadcrumbs')} data-testid="breadcrumbs">
      <ol className={classes.crumbs}>
        {items.map((item, i) => (
          <li key={i}>
            {i === items.length - 1 ? <span aria-current="page">{item}</span> : item}
          </li>
        ))}
      </ol>
    </nav>
  );
}
