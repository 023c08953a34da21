import { useEffect } from 'react';
import { useRouter } from '@tanstack/react-router';

/**
 * After an in-app navigation to another page, focus moves to the new page's heading (its h1), so a screen
 * reader announces where the user arrived and the keyboard starts from the top of the page, as a full page
 * load would (WCAG 2.4.3). Not on the first load (the browser's own start), nor when only the search changes
 * (a filter being typed keeps its focus). Pages load their code lazily and may show "Loading" first: the
 * heading is looked for a few times until the new one is there.
 */
export function useFocusHeadingOnNavigation() {
  const router = useRouter();
  useEffect(() => {
    let previous: Element | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const offBefore = router.subscribe('onBeforeNavigate', (e) => {
      if (e.pathChanged) previous = document.querySelector('h1');
    });
    const offRendered = router.subscribe('onRendered', (e) => {
      if (!e.fromLocation || !e.pathChanged) return;
      clearTimeout(timer);
      let tries = 0;
      const focus = () => {
        const h1 = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('h1');
        // the old page's heading may still be on screen for a moment; after a while any heading will do
        // a field the new page (or the user, meanwhile) put the focus in keeps it, and so does an open dialog
        const active = document.activeElement;
        if (active && active !== document.body && active.matches('input, textarea, select, [contenteditable="true"], [role="dialog"] *')) return;
        if (h1 && (h1 !== previous || tries > 10)) {
          if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
          h1.focus();
          return;
        }
        if (++tries < 40) timer = setTimeout(focus, 50);
      };
      timer = setTimeout(focus, 0);
    });
    return () => {
      offBefore();
      offRendered();
      clearTimeout(timer);
    };
  }, [router]);
}
