/**
 * UI text for this feature, merged into the app's dictionaries (renderer/app/i18n.tsx): bokmål is
 * the source of keys; a key missing in nn or en falls back to bokmål.
 */
export const nb = {} as const;

export const nn: Partial<Record<keyof typeof nb, string>> = {};

export const en: Partial<Record<keyof typeof nb, string>> = {};
