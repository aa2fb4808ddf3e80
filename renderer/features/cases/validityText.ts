/**
 * UI text for impossible data (findings, inline errors, text counters), voiding and the
 * duplicate-case warning, merged into the app's dictionaries (renderer/app/i18n.tsx). The issue
 * phrases follow shared/i18n/errors.ts; `{limit}` is the limit the value broke.
 */
export const nb = {
  'status.voided': 'Annullert',
  'timeline.removed': 'annullert',
  'ev.removed': '{what} annullert',
  'ev.case.voided': 'Saken annullert',
  'void.button': 'Annuller',
  'void.buttonNamed': 'Annuller {what}',
  'void.title': 'Annuller: {what}',
  'void.lead':
    'Det du annullerer, blir stående i tidslinjen med begrunnelsen og hvem som gjorde det, men telles ikke lenger i ventetider, oppgaver, saksmengde, rapporter eller brev.',
  'void.reason': 'Begrunnelse',
  'void.reasonHint': 'Hvorfor er dette feil? For eksempel «registrert i feil sak» eller «duplikat».',
  'void.submit': 'Annuller',
  'void.caseButton': 'Annuller saken',
  'void.caseTitle': 'Annuller saken',
  'void.caseLead':
    'Bruk dette for en sak som er et duplikat eller er opprettet ved en feil. Saken blir stående med hele historikken, men er ikke lenger med i sakslisten, ventetider, oppgaver, saksmengde, rapporter eller brev.',
  'case.voidedBanner': 'Saken er annullert {date} av {actor}. Begrunnelse: {reason}',
  'findings.title': 'Funn: opplysninger som ikke er mulige',
  'findings.lead':
    'Disse opplysningene ble registrert før Bro sjekket dem. De telles ikke i ventetidene. Rett dem i fanen der de står.',
  'dup.title': 'Eleven har kanskje allerede en sak',
  'dup.lead':
    'Det finnes en sak for en elev med samme navn og fødselsdato, eller samme navn og skole. Åpne den, eller opprett en ny sak hvis dette er en annen elev eller en ny tjeneste.',
  'dup.open': 'Åpne saken som finnes',
  'dup.create': 'Opprett ny sak likevel',
  'common.counter': '{n} av {max} tegn',
  'issue.DATE_IN_FUTURE': 'kan ikke være etter dagens dato ({limit}): det som er registrert her, har skjedd',
  'issue.BEFORE_BIRTH': 'kan ikke være før elevens fødselsdato',
  'issue.BIRTH_DATE_OUT_OF_RANGE':
    'passer ikke for en elev på 1.–13. trinn: eleven må være {limit} år da henvisningen ble mottatt (eller i dag)',
  'issue.ABSENCE_EXCEEDS_DAYS':
    'er flere fraværsdager enn perioden har ({limit} dager, hele og delvise dager til sammen)',
  'issue.DUPLICATE_PUPIL': 'eleven har allerede en sak',
  'issue.CASE_VOIDED': 'saken er annullert',
};

export const nn: Partial<Record<keyof typeof nb, string>> = {
  'status.voided': 'Annullert',
  'timeline.removed': 'annullert',
  'ev.removed': '{what} annullert',
  'ev.case.voided': 'Saka annullert',
  'void.button': 'Annuller',
  'void.buttonNamed': 'Annuller {what}',
  'void.title': 'Annuller: {what}',
  'void.lead':
    'Det du annullerer, blir ståande i tidslina med grunngivinga og kven som gjorde det, men blir ikkje lenger talt med i ventetider, oppgåver, saksmengd, rapportar eller brev.',
  'void.reason': 'Grunngiving',
  'void.reasonHint': 'Kvifor er dette feil? Til dømes «registrert i feil sak» eller «duplikat».',
  'void.submit': 'Annuller',
  'void.caseButton': 'Annuller saka',
  'void.caseTitle': 'Annuller saka',
  'void.caseLead':
    'Bruk dette for ei sak som er eit duplikat eller er oppretta ved ein feil. Saka blir ståande med heile historikken, men er ikkje lenger med i sakslista, ventetider, oppgåver, saksmengd, rapportar eller brev.',
  'case.voidedBanner': 'Saka er annullert {date} av {actor}. Grunngiving: {reason}',
  'findings.title': 'Funn: opplysningar som ikkje er moglege',
  'findings.lead':
    'Desse opplysningane vart registrerte før Bro sjekka dei. Dei blir ikkje talde med i ventetidene. Rett dei i fana der dei står.',
  'dup.title': 'Eleven har kanskje alt ei sak',
  'dup.lead':
    'Det finst ei sak for ein elev med same namn og fødselsdato, eller same namn og skule. Opne ho, eller opprett ei ny sak om dette er ein annan elev eller ei ny teneste.',
  'dup.open': 'Opne saka som finst',
  'dup.create': 'Opprett ny sak likevel',
  'common.counter': '{n} av {max} teikn',
  'issue.DATE_IN_FUTURE': 'kan ikkje vere etter dagens dato ({limit}): det som er registrert her, har skjedd',
  'issue.BEFORE_BIRTH': 'kan ikkje vere før fødselsdatoen til eleven',
  'issue.BIRTH_DATE_OUT_OF_RANGE':
    'passar ikkje for ein elev på 1.–13. trinn: eleven må vere {limit} år då tilvisinga vart motteken (eller i dag)',
  'issue.ABSENCE_EXCEEDS_DAYS':
    'er fleire fråversdagar enn perioden har ({limit} dagar, heile og delvise dagar til saman)',
  'issue.DUPLICATE_PUPIL': 'eleven har alt ei sak',
  'issue.CASE_VOIDED': 'saka er annullert',
};

export const en: Partial<Record<keyof typeof nb, string>> = {
  'status.voided': 'Voided',
  'timeline.removed': 'voided',
  'ev.removed': '{what} voided',
  'ev.case.voided': 'Case voided',
  'void.button': 'Void',
  'void.buttonNamed': 'Void {what}',
  'void.title': 'Void: {what}',
  'void.lead':
    'What you void stays in the timeline with the reason and who did it, but no longer counts in waiting times, tasks, caseload, reports or letters.',
  'void.reason': 'Reason',
  'void.reasonHint': 'Why is this wrong? For example “recorded in the wrong case” or “duplicate”.',
  'void.submit': 'Void',
  'void.caseButton': 'Void the case',
  'void.caseTitle': 'Void the case',
  'void.caseLead':
    'Use this for a case that is a duplicate or was opened in error. The case keeps its whole history, but leaves the case list, waiting times, tasks, caseload, reports and letters.',
  'case.voidedBanner': 'The case was voided on {date} by {actor}. Reason: {reason}',
  'findings.title': 'Findings: details that cannot be right',
  'findings.lead':
    'These details were recorded before Bro checked them. They are left out of the waiting times. Correct them on the tab where they are.',
  'dup.title': 'The pupil may already have a case',
  'dup.lead':
    'There is a case for a pupil with the same name and birth date, or the same name and school. Open it, or create a new case if this is another pupil or a new service.',
  'dup.open': 'Open the existing case',
  'dup.create': 'Create a new case anyway',
  'common.counter': '{n} of {max} characters',
  'issue.DATE_IN_FUTURE': 'cannot be after today ({limit}): what is recorded here has happened',
  'issue.BEFORE_BIRTH': "cannot be before the pupil's birth date",
  'issue.BIRTH_DATE_OUT_OF_RANGE':
    'does not fit a pupil in grades 1–13: the pupil must be {limit} years old when the referral was received (or today)',
  'issue.ABSENCE_EXCEEDS_DAYS':
    'is more days of absence than the period has ({limit} days, whole and partial days together)',
  'issue.DUPLICATE_PUPIL': 'the pupil already has a case',
  'issue.CASE_VOIDED': 'the case is voided',
};
