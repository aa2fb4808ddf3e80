// Types for scripts/electron-binary.mjs (used from TypeScript by the Electron e2e door and tests).
export interface Reason {
  nb: string;
  en: string;
}
export function platformExecutable(platform?: string): string;
export function findElectronBinary(root: string, env?: NodeJS.ProcessEnv, platform?: string): string | null;
export function hasDisplay(env?: NodeJS.ProcessEnv, platform?: string): boolean;
export function desktopUnavailable(o: {
  binary: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: string;
}): Reason | null;
export function unavailableMessage(reason: Reason): string;
