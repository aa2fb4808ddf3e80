/**
 * UI text for closing a referral (issue 15 item 5): the «Avslutt henvisningen» form. Merged into
 * the app's dictionaries (renderer/app/i18n.tsx): bokmål is the source of keys; nn and en fall
 * back to it.
 */
export const nb = {
  'close.button': 'Avslutt henvisningen',
  'close.buttonFor': 'Avslutt henvisningen {id}',
  'close.title': 'Avslutt henvisningen {id}',
  'close.lead':
    'Skriv når henvisningen avsluttes og hvordan det gikk. Fraværet ved avslutning regnes fra skolens fraværstall; du kan rette det.',
  'close.outcome': 'Er eleven tilbake på skolen?',
  'close.choose': 'Velg …',
  'close.outcomeRequired': 'Velg om eleven er tilbake på skolen helt, delvis eller ikke.',
  'close.absenceCompare': 'Fravær ved henvisning: {intake}. Ved avslutning: {closing}.',
  'close.absenceFromFigures': 'Tomt felt: Bro bruker tallet fra skolens fraværstall for måneden.',
  'close.absenceNoFigures': 'Saken har ingen fraværstall for denne måneden. Skriv tallet om du har det.',
  'close.notAsked': 'Ikke spurt / ikke svart',
  'close.submit': 'Avslutt henvisningen',
  'close.needsLetter':
    'Henvisningen kan ikke avsluttes før et avslutningsbrev er utstedt. Brevet sier hvem som har ansvaret for eleven nå, og navngir tjenesten som tar over.',
  'close.writeLetter': 'Skriv avslutningsbrev',
  'opt.satisfaction.fornoyd': 'Fornøyd',
  'opt.satisfaction.delvis': 'Delvis fornøyd',
  'opt.satisfaction.misfornoyd': 'Misfornøyd',
  'opt.satisfaction.vil-ikke-svare': 'Vil ikke svare',
};

export const nn: Partial<Record<keyof typeof nb, string>> = {
  'close.button': 'Avslutt tilvisinga',
  'close.buttonFor': 'Avslutt tilvisinga {id}',
  'close.title': 'Avslutt tilvisinga {id}',
  'close.lead':
    'Skriv når tilvisinga blir avslutta og korleis det gjekk. Fråværet ved avslutning blir rekna frå fråværstala til skulen; du kan rette det.',
  'close.outcome': 'Er eleven tilbake på skulen?',
  'close.choose': 'Vel …',
  'close.outcomeRequired': 'Vel om eleven er tilbake på skulen heilt, delvis eller ikkje.',
  'close.absenceCompare': 'Fråvær ved tilvising: {intake}. Ved avslutning: {closing}.',
  'close.absenceFromFigures': 'Tomt felt: Bro brukar talet frå fråværstala til skulen for månaden.',
  'close.absenceNoFigures': 'Saka har ingen fråværstal for denne månaden. Skriv talet om du har det.',
  'close.notAsked': 'Ikkje spurt / ikkje svart',
  'close.submit': 'Avslutt tilvisinga',
  'close.needsLetter':
    'Tilvisinga kan ikkje avsluttast før eit avslutningsbrev er skrive ut. Brevet seier kven som har ansvaret for eleven no, og namngir tenesta som tek over.',
  'close.writeLetter': 'Skriv avslutningsbrev',
  'opt.satisfaction.fornoyd': 'Nøgd',
  'opt.satisfaction.delvis': 'Delvis nøgd',
  'opt.satisfaction.misfornoyd': 'Misnøgd',
  'opt.satisfaction.vil-ikke-svare': 'Vil ikkje svare',
};

export const en: Partial<Record<keyof typeof nb, string>> = {
  'close.button': 'Close the referral',
  'close.buttonFor': 'Close the referral {id}',
  'close.title': 'Close the referral {id}',
  'close.lead':
    "When the referral closes and how it went. The absence at closing comes from the school's figures; you can correct it.",
  'close.outcome': 'Is the pupil back at school?',
  'close.choose': 'Choose …',
  'close.outcomeRequired': 'Choose whether the pupil is back at school fully, partly or not.',
  'close.absenceCompare': 'Absence at referral: {intake}. At closing: {closing}.',
  'close.absenceFromFigures': "Empty: Bro uses the school's figure for the month.",
  'close.absenceNoFigures': 'The case has no absence figures for this month. Enter the rate if you have it.',
  'close.notAsked': 'Not asked / no answer',
  'close.submit': 'Close the referral',
  'close.needsLetter':
    'The referral cannot be closed before a closing letter is issued. The letter says who is responsible for the pupil now and names the service that takes over.',
  'close.writeLetter': 'Write the closing letter',
  'opt.satisfaction.fornoyd': 'Satisfied',
  'opt.satisfaction.delvis': 'Partly satisfied',
  'opt.satisfaction.misfornoyd': 'Dissatisfied',
  'opt.satisfaction.vil-ikke-svare': 'Would rather not say',
};
