/**
 * The passphrase of a demo vault made from the first-run screen. It is shown on the unlock
 * screen of every demo vault: the vault holds synthetic data only, and a demo must be easy to
 * reopen after an auto-lock. Real vaults never use it (the create form refuses it).
 */
export const DEMO_PASSPHRASE = 'demodata';
