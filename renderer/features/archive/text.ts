/**
 * UI text for the archive package (issue 19 item 1), merged into the app's dictionaries
 * (renderer/app/i18n.tsx): bokmål is the source of keys; nn and en fall back to it.
 */
export const nb = {
  'archive.title': 'Arkivering (Fiks Arkiv)',
  'archive.lead':
    'Lag en arkivpakke for kommunens sak- og arkivsystem: én arkivmelding for saksmappen, én journalpost per sendt brev, med brevet som PDF/A, og én per mottatt dokument. Tittelen har ikke elevens navn, og alt er skjermet etter offentleglova § 13.',
  'archive.make': 'Lag arkivpakke',
  'archive.making': 'Lager arkivpakken …',
  'archive.made':
    'Arkivpakken {name} er laget: {messages} arkivmeldinger (saksmappen og {letters} brev). Send hver mappe i pakken som én melding til arkivet, i rekkefølge.',
  'archive.noLetters': 'Ingen sendte brev ennå: pakken får saksmappen og de mottatte dokumentene.',
  'archive.madeWithDocuments':
    'Arkivpakken {name} er laget: {messages} arkivmeldinger (saksmappen, {letters} brev og {documents} mottatte dokumenter). Send hver mappe i pakken som én melding til arkivet, i rekkefølge.',
  'archive.summary':
    'I arkivet: {letters} av {lettersTotal} brev og {documents} av {documentsTotal} mottatte dokumenter.',
  'archive.summaryLetters': 'I arkivet: {letters} av {lettersTotal} brev.',
  'archive.summaryDocuments': 'I arkivet: {documents} av {documentsTotal} mottatte dokumenter.',
  'archive.statusDocuments': 'Arkivstatus for de mottatte dokumentene',
  'archive.receivedOn': 'mottatt {date}',
  'archive.statusTitle': 'Arkivstatus for brevene',
  'archive.reading': 'Leser kvitteringen …',
  'archive.archivedAs': 'Arkivert: {ref}',
  'archive.notArchived': 'Ikke arkivert',
  'archive.receipt': 'Les inn kvittering fra arkivet (XML)',
  'archive.receiptSaved': 'Kvitteringen er lest inn: {n} arkivreferanser lagret.',
  'archive.receiptSame': 'Kvitteringen var allerede lest inn; ingenting nytt.',
  'archive.receiptRefused':
    'Kvitteringen ble avvist: den følger ikke Fiks Arkiv-skjemaet, eller gjelder en sak, et brev eller et dokument som ikke ble sendt fra Bro i denne saken. Ingenting er lagret.',
  // The case timeline (renderer/features/cases/Timeline.tsx): the archive's receipts.
  'ev.archive.receipt': 'Kvittering fra arkivet lest inn',
  'ev.archive.receipt.case': 'Kvittering fra arkivet: saken har fått saksnummer',
  'ev.archive.receipt.letter': 'Kvittering fra arkivet: brevet er journalført',
  'ev.archive.receipt.document': 'Kvittering fra arkivet: mottatt dokument er journalført',
  'f.archive.saksnummer': 'Saksnummer i arkivet',
  'f.archive.reference': 'Arkivreferanse',
  'f.archive.letter': 'Brev',
  'f.archive.document': 'Dokument',
};

export const nn: Partial<Record<keyof typeof nb, string>> = {
  'archive.title': 'Arkivering (Fiks Arkiv)',
  'archive.lead':
    'Lag ein arkivpakke for sak- og arkivsystemet til kommunen: éi arkivmelding for saksmappa, éin journalpost per sendt brev, med brevet som PDF/A, og éin per motteke dokument. Tittelen har ikkje namnet til eleven, og alt er skjerma etter offentleglova § 13.',
  'archive.make': 'Lag arkivpakke',
  'archive.making': 'Lagar arkivpakken …',
  'archive.made':
    'Arkivpakken {name} er laga: {messages} arkivmeldingar (saksmappa og {letters} brev). Send kvar mappe i pakken som éi melding til arkivet, i rekkjefølgje.',
  'archive.noLetters': 'Ingen sende brev enno: pakken får saksmappa og dei mottekne dokumenta.',
  'archive.madeWithDocuments':
    'Arkivpakken {name} er laga: {messages} arkivmeldingar (saksmappa, {letters} brev og {documents} mottekne dokument). Send kvar mappe i pakken som éi melding til arkivet, i rekkjefølgje.',
  'archive.summary':
    'I arkivet: {letters} av {lettersTotal} brev og {documents} av {documentsTotal} mottekne dokument.',
  'archive.summaryLetters': 'I arkivet: {letters} av {lettersTotal} brev.',
  'archive.summaryDocuments': 'I arkivet: {documents} av {documentsTotal} mottekne dokument.',
  'archive.statusDocuments': 'Arkivstatus for dei mottekne dokumenta',
  'archive.receivedOn': 'motteke {date}',
  'archive.statusTitle': 'Arkivstatus for breva',
  'archive.reading': 'Les kvitteringa …',
  'archive.archivedAs': 'Arkivert: {ref}',
  'archive.notArchived': 'Ikkje arkivert',
  'archive.receipt': 'Les inn kvittering frå arkivet (XML)',
  'archive.receiptSaved': 'Kvitteringa er lesen inn: {n} arkivreferansar lagra.',
  'archive.receiptSame': 'Kvitteringa var alt lesen inn; ingenting nytt.',
  'archive.receiptRefused':
    'Kvitteringa vart avvist: ho følgjer ikkje Fiks Arkiv-skjemaet, eller gjeld ei sak, eit brev eller eit dokument som ikkje vart sendt frå Bro i denne saka. Ingenting er lagra.',
  'ev.archive.receipt': 'Kvittering frå arkivet lesen inn',
  'ev.archive.receipt.case': 'Kvittering frå arkivet: saka har fått saksnummer',
  'ev.archive.receipt.letter': 'Kvittering frå arkivet: brevet er journalført',
  'ev.archive.receipt.document': 'Kvittering frå arkivet: motteke dokument er journalført',
  'f.archive.saksnummer': 'Saksnummer i arkivet',
  'f.archive.reference': 'Arkivreferanse',
  'f.archive.letter': 'Brev',
  'f.archive.document': 'Dokument',
};

export const en: Partial<Record<keyof typeof nb, string>> = {
  'archive.title': 'Archiving (Fiks Arkiv)',
  'archive.lead':
    "Make an archive package for the municipality's records system: one arkivmelding for the case folder and one journal entry per issued letter, with the letter as PDF/A, and one per received document. The title has no pupil's name and everything is withheld under offentleglova § 13.",
  'archive.make': 'Make archive package',
  'archive.making': 'Making the archive package …',
  'archive.made':
    'The archive package {name} is ready: {messages} messages (the case folder and {letters} letters). Send each folder in the package as one message to the archive, in order.',
  'archive.noLetters': 'No issued letters yet: the package holds the case folder and the received documents.',
  'archive.madeWithDocuments':
    'The archive package {name} is ready: {messages} messages (the case folder, {letters} letters and {documents} received documents). Send each folder in the package as one message to the archive, in order.',
  'archive.summary':
    'In the archive: {letters} of {lettersTotal} letters and {documents} of {documentsTotal} received documents.',
  'archive.summaryLetters': 'In the archive: {letters} of {lettersTotal} letters.',
  'archive.summaryDocuments': 'In the archive: {documents} of {documentsTotal} received documents.',
  'archive.statusDocuments': 'Archive status of the received documents',
  'archive.receivedOn': 'received {date}',
  'archive.statusTitle': 'Archive status of the letters',
  'archive.reading': 'Reading the receipt …',
  'archive.archivedAs': 'Archived: {ref}',
  'archive.notArchived': 'Not archived',
  'archive.receipt': 'Import the archive’s receipt (XML)',
  'archive.receiptSaved': 'The receipt is imported: {n} archive references saved.',
  'archive.receiptSame': 'The receipt was already imported; nothing new.',
  'archive.receiptRefused':
    'The receipt was refused: it does not follow the Fiks Arkiv schema, or is for a case, letter or document not sent from Bro in this case. Nothing was saved.',
  'ev.archive.receipt': 'Archive receipt imported',
  'ev.archive.receipt.case': 'Archive receipt: the case has a case number',
  'ev.archive.receipt.letter': 'Archive receipt: the letter is filed',
  'ev.archive.receipt.document': 'Archive receipt: a received document is filed',
  'f.archive.saksnummer': 'Case number in the archive',
  'f.archive.reference': 'Archive reference',
  'f.archive.letter': 'Letter',
  'f.archive.document': 'Document',
};
