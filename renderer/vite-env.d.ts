/** Vite's `?url` imports: the URL of a bundled asset (the pdf.js worker). */
declare module '*?url' {
  const src: string;
  export default src;
}
