/**
 * After a refused submit, move focus to the first field marked invalid, so keyboard and screen-reader
 * users land on what needs fixing. Runs after React has rendered the error messages.
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
