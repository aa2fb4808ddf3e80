/** Hand-written Fiks Arkiv V1 kvitteringer for the keys `bro archive` writes (tests only). */
const NS =
  'xmlns="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/arkivmelding/opprett/kvittering/v1" ' +
  'xmlns:mdk="https://ks-no.github.io/standarder/fiks-protokoll/fiks-arkiv/metadatakatalog/v1" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const key = (k: string) =>
  `<referanseEksternNoekkel><mdk:fagsystem>Bro</mdk:fagsystem><mdk:noekkel>${k}</mdk:noekkel></referanseEksternNoekkel>`;

/** The archive's answer to message 01 (the saksmappe): saksår/sakssekvensnummer. */
export const mappeKvittering = (k: string, aar = 2026, nr = 123) => `<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering ${NS}>
  <mappeKvittering xsi:type="saksmappeKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-aaaaaaaaaa01</systemID>
    ${key(k)}
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <saksaar>${aar}</saksaar>
    <sakssekvensnummer>${nr}</sakssekvensnummer>
  </mappeKvittering>
</arkivmeldingKvittering>
`;
/**
 * The archive's answer to one letter's message (an outgoing journalpost, U), or with `type` 'I' to a
 * received document's (an incoming one): its journalpost numbers.
 */
export const journalpostKvittering = (
  k: string,
  nr: number,
  type: 'U' | 'I' = 'U',
) => `<?xml version="1.0" encoding="UTF-8"?>
<arkivmeldingKvittering ${NS}>
  <registreringKvittering xsi:type="journalpostKvittering">
    <systemID>1a2b3c4d-5e6f-4a7b-8c9d-bbbbbbbbbb${String(nr).padStart(2, '0')}</systemID>
    ${key(k)}
    <opprettetEllerEksisterende>Opprettet</opprettetEllerEksisterende>
    <journalaar>2026</journalaar>
    <journalsekvensnummer>${5000 + nr}</journalsekvensnummer>
    <journalpostnummer>${nr}</journalpostnummer>
    <journalposttype><mdk:kode>${type}</mdk:kode></journalposttype>
    <journalstatus><mdk:kode>J</mdk:kode></journalstatus>
    <journaldato>2026-03-02</journaldato>
  </registreringKvittering>
</arkivmeldingKvittering>
`;
