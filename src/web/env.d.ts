// CSS imports handled by Vite (tsconfig does not load vite/client types).
declare module '*.css' {
  const classes: Record<string, string>;
  export default classes;
}
