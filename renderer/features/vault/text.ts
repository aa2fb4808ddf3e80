/**
 * UI text for opening a vault (the gate), merged into the app's dictionaries (renderer/app/i18n.tsx):
 * bokmål is the source of keys; a key missing in nn or en falls back to bokmål.
 */
export const nb = {
  'gate.noSession.title': 'Åpne Bro fra lenken',
  'gate.noSession.lead':
    'Denne fanen er ikke koblet til Bro. Åpne den nyeste lenken fra terminalen der Bro kjører (npm run web). Hver lenke virker én gang; Bro skriver en ny når den forrige er brukt.',
  'gate.wait': 'Du kan prøve igjen om {time}.',
  'gate.seconds': '{n} sekunder',
  'gate.minutes': '{n} minutter',
  'create.pickFolder': 'Velg mappe …',
  'create.pickOther': 'Velg en annen mappe',
  'create.noFolder': 'Velg en tom mappe for arkivet først.',
  'create.folder': 'Mappe: {dir}',
  'issue.PATH_NOT_ALLOWED':
    'er ikke tillatt her: mappen må ligge i mappen Bro ble startet med (--vault), eller under den',
  'issue.TOO_MANY_ATTEMPTS': 'er skrevet feil for mange ganger på rad. Vent litt.',
};

export const nn: Partial<Record<keyof typeof nb, string>> = {
  'gate.noSession.title': 'Opne Bro frå lenkja',
  'gate.noSession.lead':
    'Denne fana er ikkje kopla til Bro. Opne den nyaste lenkja frå terminalen der Bro køyrer (npm run web). Kvar lenkje verkar éin gong; Bro skriv ei ny når den førre er brukt.',
  'gate.wait': 'Du kan prøve igjen om {time}.',
  'gate.seconds': '{n} sekund',
  'gate.minutes': '{n} minutt',
  'create.pickFolder': 'Vel mappe …',
  'create.pickOther': 'Vel ei anna mappe',
  'create.noFolder': 'Vel ei tom mappe for arkivet først.',
  'create.folder': 'Mappe: {dir}',
  'issue.TOO_MANY_ATTEMPTS': 'er skriven feil for mange gonger på rad. Vent litt.',
};

export const en: Partial<Record<keyof typeof nb, string>> = {
  'gate.noSession.title': 'Open Bro from its link',
  'gate.noSession.lead':
    'This tab is not connected to Bro. Open the newest link from the terminal where Bro runs (npm run web). Each link works once; Bro prints a new one when the last was used.',
  'gate.wait': 'You can try again in {time}.',
  'gate.seconds': '{n} seconds',
  'gate.minutes': '{n} minutes',
  'create.pickFolder': 'Choose folder …',
  'create.pickOther': 'Choose another folder',
  'create.noFolder': 'Choose an empty folder for the vault first.',
  'create.folder': 'Folder: {dir}',
  'issue.PATH_NOT_ALLOWED':
    'is not allowed here: the folder must be the one Bro was started with (--vault), or below it',
  'issue.TOO_MANY_ATTEMPTS': 'was wrong too many times in a row. Please wait.',
};
