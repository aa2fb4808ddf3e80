import type { Letterhead } from '../letters/settings';

/**
 * The demo's letterhead (issue 16 item 3), written to the app's settings by `bro demo` when the
 * settings have none, so the demo's letters show a full letterhead and the sakkyndig vurdering an
 * addressee. Synthetic: a postal address in no real place, a phone number and e-mail on reserved
 * names. No organisation number (a checksum-valid one may belong to a real organisation); the
 * service name is left to each case's service.
 */
export const DEMO_LETTERHEAD: Letterhead = {
  address: 'Postboks 1 Demo, 0000 Demoby',
  phone: '00 00 00 00',
  email: 'postmottak@demo.invalid',
  municipality: 'Demo kommune, oppvekst',
  municipalityAddress: 'Postboks 2 Demo, 0000 Demoby',
};
