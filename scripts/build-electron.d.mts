// Types for scripts/build-electron.mjs.
export const root: string;
export const LAYOUT: { main: string; preload: string; renderer: string; fonts: string };
export function buildElectron(o?: {
  outRoot?: string;
  minify?: boolean;
}): Promise<{ main: string; preload: string }>;
