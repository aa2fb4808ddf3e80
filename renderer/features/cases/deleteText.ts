/** UI text for deleting a case for good (renderer/features/cases/Delete.tsx). */
export const nb = {
  'delete.button': 'Slett saken …',
  'delete.title': 'Slette saken til {who} for godt?',
  'delete.lead':
    'Saken til {who} slettes fra saksarkivet: nøkkelen og alle filene. Ingen – heller ikke med gjenopprettingsnøkkelen – kan lese den herfra etterpå, og det kan ikke angres. Loggen beholder at saken {id} ble slettet, av hvem, når og hvorfor, uten navn.',
  'delete.archiveFirst':
    'Kommunens arkiv skal ha dokumentene først: slett arbeidskopien først når brev og vedtak er arkivert.',
  'delete.copies':
    'Kopier tatt før sletting (sikkerhetskopier, versjonshistorikk i en synkronisert mappe) nås ikke herfra. Se veiledningen.',
  'delete.reason': 'Hvorfor slettes saken?',
  'delete.reasonHint': 'For eksempel «oppbevaringstiden er ute, arkivert» eller «opprettet ved en feil».',
  'delete.confirm': 'Slett saken til {who}',
  'delete.done': 'Saken {id} er slettet.',
  'delete.checking': 'Ser etter hva kommunens arkiv har …',
  'delete.archived': 'Kommunens arkiv har alle brevene i saken ({n}).',
  'delete.documentsArchived': 'Kommunens arkiv har alle de mottatte dokumentene i saken ({n}).',
  'delete.noLetters': 'Saken har ingen brev fra Bro og ingen mottatte dokumenter som skal arkiveres.',
  'delete.missing':
    'Arkivet mangler {n} av brevene i saken. Lag arkivpakke og les inn kvitteringen under Brev før du sletter:',
  'delete.missingDocuments':
    'Arkivet mangler {n} av de mottatte dokumentene i saken. Lag arkivpakke og les inn kvitteringen under Brev før du sletter:',
  'delete.missingBoth':
    'Arkivet mangler {letters} av brevene og {documents} av de mottatte dokumentene i saken. Lag arkivpakke og les inn kvitteringene under Brev før du sletter:',
  'delete.documentItem': '«{title}», mottatt {date}',
  'delete.withoutArchive':
    'Slett likevel, uten at alle brevene og dokumentene er arkivert (for eksempel en sak opprettet ved en feil)',
  'issue.NOT_ARCHIVED':
    'arkivet mangler brev eller mottatte dokumenter fra saken: kryss av her for å slette likevel',
  'delete.unnamed': 'denne eleven',
};
export const nn: Partial<Record<keyof typeof nb, string>> = {
  'delete.button': 'Slett saka …',
  'delete.title': 'Slette saka til {who} for godt?',
  'delete.lead':
    'Saka til {who} blir sletta frå saksarkivet: nøkkelen og alle filene. Ingen – heller ikkje med gjenopprettingsnøkkelen – kan lese ho herifrå etterpå, og det kan ikkje angrast. Loggen held på at saka {id} vart sletta, av kven, når og kvifor, utan namn.',
  'delete.archiveFirst':
    'Arkivet til kommunen skal ha dokumenta først: slett arbeidskopien først når brev og vedtak er arkiverte.',
  'delete.copies':
    'Kopiar tekne før slettinga (tryggingskopiar, versjonshistorikk i ei synkronisert mappe) når ein ikkje herifrå. Sjå rettleiinga.',
  'delete.reason': 'Kvifor blir saka sletta?',
  'delete.reasonHint': 'Til dømes «oppbevaringstida er ute, arkivert» eller «oppretta ved ein feil».',
  'delete.confirm': 'Slett saka til {who}',
  'delete.done': 'Saka {id} er sletta.',
  'delete.checking': 'Ser etter kva arkivet til kommunen har …',
  'delete.archived': 'Arkivet til kommunen har alle breva i saka ({n}).',
  'delete.documentsArchived': 'Arkivet til kommunen har alle dei mottekne dokumenta i saka ({n}).',
  'delete.noLetters': 'Saka har ingen brev frå Bro og ingen mottekne dokument som skal arkiverast.',
  'delete.missing':
    'Arkivet manglar {n} av breva i saka. Lag arkivpakke og les inn kvitteringa under Brev før du slettar:',
  'delete.missingDocuments':
    'Arkivet manglar {n} av dei mottekne dokumenta i saka. Lag arkivpakke og les inn kvitteringa under Brev før du slettar:',
  'delete.missingBoth':
    'Arkivet manglar {letters} av breva og {documents} av dei mottekne dokumenta i saka. Lag arkivpakke og les inn kvitteringane under Brev før du slettar:',
  'delete.documentItem': '«{title}», motteke {date}',
  'delete.withoutArchive':
    'Slett likevel, utan at alle breva og dokumenta er arkiverte (til dømes ei sak oppretta ved ein feil)',
  'issue.NOT_ARCHIVED':
    'arkivet manglar brev eller mottekne dokument frå saka: kryss av her for å slette likevel',
  'delete.unnamed': 'denne eleven',
};
export const en: Partial<Record<keyof typeof nb, string>> = {
  'delete.button': 'Delete the case …',
  'delete.title': 'Delete the case of {who} for good?',
  'delete.lead':
    'The case of {who} is deleted from the vault: its key and every file. Nobody – not even with the recovery key – can read it from here afterwards, and it cannot be undone. The log keeps that case {id} was deleted, by whom, when and why, without a name.',
  'delete.archiveFirst':
    "The municipality's archive must have the documents first: delete the working copy only once letters and decisions are archived.",
  'delete.copies':
    'Copies taken before the deletion (backups, version history of a synced folder) are out of reach from here. See the user guide.',
  'delete.reason': 'Why is the case deleted?',
  'delete.reasonHint': 'For example “retention period over, archived” or “opened by mistake”.',
  'delete.confirm': 'Delete the case of {who}',
  'delete.done': 'Case {id} is deleted.',
  'delete.checking': "Checking what the municipality's archive has …",
  'delete.archived': "The municipality's archive has every letter of the case ({n}).",
  'delete.documentsArchived': "The municipality's archive has every received document of the case ({n}).",
  'delete.noLetters': 'The case has no letters from Bro and no received documents to archive.',
  'delete.missing':
    'The archive lacks {n} of the letters of this case. Make the archive package and read in the receipt under Letters before deleting:',
  'delete.missingDocuments':
    'The archive lacks {n} of the received documents of this case. Make the archive package and read in the receipt under Letters before deleting:',
  'delete.missingBoth':
    'The archive lacks {letters} of the letters and {documents} of the received documents of this case. Make the archive package and read in the receipts under Letters before deleting:',
  'delete.documentItem': '“{title}”, received {date}',
  'delete.withoutArchive':
    'Delete anyway, without every letter and document archived (for example a case opened by mistake)',
  'issue.NOT_ARCHIVED':
    'the archive lacks letters or received documents of this case: tick here to delete anyway',
  'delete.unnamed': 'this pupil',
};
