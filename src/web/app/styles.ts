/**
 * The first page loads only the styles it uses (styles-first.css, from main.tsx); every other page and every part
 * fetched later waits for all of Mantine's styles (styles-all.css) along with its own code, so that nothing shows
 * unstyled. Asked for before the code, so that the page's own CSS comes after it in the document.
 */
let all: Promise<unknown> | undefined;

export function loadAllStyles(): Promise<unknown> {
  all ??= import('./styles-all.css');
  return all;
}

/** A lazy import that resolves once the styles are there too. */
export function withAllStyles<T>(load: () => Promise<T>): () => Promise<T> {
  return async () => {
    const styles = loadAllStyles();
    const loaded = await load();
    await styles;
    return loaded;
  };
}
