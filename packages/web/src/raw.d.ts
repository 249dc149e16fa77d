/** Vite's `?raw` imports: a file's text, bundled. */
declare module "*?raw" {
  const text: string;
  export default text;
}
