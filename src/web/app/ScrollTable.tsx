import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { rem } from '@mantine/core';
import classes from './app.module.css';

/**
 * A table container that scrolls sideways on narrow screens. While it actually scrolls it is a named,
 * focusable region, so keyboard users can scroll it too (WCAG 2.1.1; axe: scrollable-region-focusable). Plain
 * elements rather than Mantine's Table.ScrollContainer, which would bring its ScrollArea into the dashboard's load.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={classes.scroll}
      style={{ '--scroll-min-width': rem(minWidth) } as CSSProperties}
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? label : undefined}
    >
      <div className={classes.scrollInner}>{children}</div>
    </div>
  );
}
