import type { FindingCode } from './checks';

/**
 * Norwegian (bokmål) text for each finding code and for the codes of LETTER_DATA_MISSING:
 * what is wrong and what to do. Merged into the issue texts (shared/i18n/errors.ts), so the CLI
 * and the app print them next to the field path.
 */
export const LETTER_FINDING_TEXT_NB: Record<FindingCode, string> = {
  INVITATION_DATE_MISSING: 'innkallingen må ha møtedatoen (invitation.date)',
  INVITATION_DATE_PAST: 'møtedatoen er før brevets dato (invitation.date)',
  INVITATION_TIME_MISSING: 'innkallingen må ha klokkeslett (invitation.time, TT:MM)',
  INVITATION_PLACE_MISSING: 'innkallingen må si hvor møtet er (invitation.place)',
  INVITATION_ROLES_MISSING: 'innkallingen må si hvem som må møte (invitation.roles)',
  INVITATION_LEADER_MISSING:
    'ingen fra skolens ledelse (rektor eller avdelingsleder) er kalt inn (invitation.roles)',
  CLOSING_RESPONSIBILITY_MISSING: 'avslutningsbrevet må si hvem som har ansvaret nå (closing.responsibility)',
  TRANSITION_RECEIVER_MISSING:
    'overgangsbrevet må navngi skolen eleven skal begynne ved (transition.receivingSchool)',
  TRANSITION_START_MISSING:
    'overgangsbrevet må si når eleven begynner (transition.start, eller en overgang i saken)',
  TRANSITION_MEASURES_MISSING:
    'overgangsbrevet må si hva som virker for eleven: et tiltak med bedring, eller transition.whatWorks',
  TRANSITION_SAFE_ADULTS_MISSING: 'overgangsbrevet må navngi de trygge voksne (transition.safeAdults)',
  TRANSITION_VISITS_MISSING: 'overgangsbrevet må si hvilke besøk eleven får før oppstart (transition.visits)',
  TRANSITION_PARENTS_MISSING:
    'overgangsbrevet må si hva foresatte blir bedt om i den nye skolen (transition.parentsExpected)',
  TRANSITION_TEXT_BOKMAL:
    'teksten i overgangsbrevet leses som bokmål: skriv den på nynorsk i et nynorsk brev',
  TRANSITION_CONTACT_MISSING: 'overgangsbrevet må si hvem skolen kan ringe (transition.whomToCall)',
  CLOSING_RECEIVER_MISSING:
    'avslutningsbrevet må navngi tjenesten som overtar, eller skolen (closing.receivingService)',
  MEASURE_FIELD_MISSING:
    'tiltaket mangler et felt brevet krever (hvem, fra når, hvor ofte, mål, evaluering …)',
  MEASURE_RESPONSIBLE_UNNAMED: 'tiltaket må ha en navngitt person som gjør det, ikke bare en rolle',
  MEASURE_LEADER_MISSING: 'tiltaket må ha en navngitt leder med ledelsesansvar (rektor eller avdelingsleder)',
  ALL_ON_KONTAKTLAERER: 'alle tiltakene er lagt på kontaktlæreren: planen mangler forankring i ledelsen',
  SCHOOL_ENVIRONMENT_MISSING:
    'ingen tiltak er rettet mot skolemiljøet: legg til ett, eller skriv hvorfor (reasons.schoolEnvironment)',
  LEGAL_REF_MISSING: 'et lovkrav må ha en lovhenvisning',
  LEGAL_REF_UNKNOWN:
    'lovhenvisningen finnes ikke i Bros lovtabell: skriv for eksempel «opplæringslova § 12-4»',
  LEGAL_REF_SUPERSEDED: 'lovhenvisningen gjelder en bestemmelse som ikke lenger er i kraft',
  RESPONSIBILITY_ROW_INCOMPLETE: 'en rolle i ansvarsfordelingen mangler startdato eller evalueringsdato',
  PUPIL_VOICE_MISSING: 'elevens stemme mangler: fyll den inn, eller skriv hvorfor (reasons.pupilVoice)',
  PARENTS_VIEW_MISSING: 'foresattes syn mangler: fyll det inn, eller skriv hvorfor (reasons.parentsView)',
  COORDINATOR_MISSING: 'brevet må navngi koordinatoren på skolen',
  SERVICE_CONTACT_MISSING: 'brevet må navngi kontaktpersonen i tjenesten (ingen saksbehandler nå)',
  CONSENT_MISSING:
    'mottakeren (i parentes) har ikke gyldig samtykke i samtykkeregisteret: registrer samtykke eller lovgrunnlag (legalBasis)',
  GUARDIANS_MISSING: 'kopien til foresatte krever foresatte med foreldreansvar i saken',
  RECIPIENT_UNNAMED: 'mottakeren er ikke navngitt i saken; brevet bruker bare rollen',
  VAGUE_PHRASE: 'uklar formulering: skriv om, eller behold den med en begrunnelse (keep)',
  BLAME_FRAMING:
    'formuleringen legger fraværet på hjemmet eller eleven: skriv om til hva skole og hjem gjør sammen, eller behold den med en begrunnelse (keep)',
  SCHOOL_FACTORS_MISSING:
    'sjekklisten for skolefaktorer er ikke ferdig: vurder hver faktor (mobbing, utenforskap, støy og uro, klasseledelse, relasjon lærer–elev, vikarbruk, forutsigbarhet, tilpasset opplæring), og skriv hva problemet er der det er et problem',
  REPLY_BY_PAST: 'svarfristen er allerede passert',
  SIGNER_NAME_MISSING:
    'den som signerer, har ikke navn i arkivet: skriv navnet ditt under «Ditt navn» i Innstillinger i appen, eller kjør «bro member rename <mappe> --name NAVN»',
  ASSESSMENT_TOPIC_MISSING: 'den sakkyndige vurderingen mangler et tema loven krever',
  ASSESSMENT_CONCLUSION_MISSING:
    'konklusjonen i den sakkyndige vurderingen mangler et felt (ja/nei, omfang, innhold, organisering, kompetanse, varighet, ny vurdering, hvordan synet til eleven og foresatte er vektlagt)',
  ASSESSMENT_DATE_PAST: 'datoen i konklusjonen (gjelder til / ny vurdering) er alt passert',
  CASE_TEXT_BOKMAL:
    'brevet er på nynorsk, men en tekst fra saken er på bokmål: skriv den på nynorsk, eller behold den med en begrunnelse (nynorsk i saken)',
  MUNICIPALITY_MISSING:
    'brevet har ingen kommune å sendes til: skriv kommunen som gjør vedtak under Brevhode i Innstillinger',
  INTERIM_REASON_MISSING: 'et foreløpig svar må si hvorfor svaret tar tid (interimReason)',
  EXPECTED_CONTACT_PAST: 'datoen for første kontakt er passert; sett en ny dato',
  EXPECTED_CONTACT_MISSING: 'mottaksbrevet må si når første kontakt blir (expectedFirstContact)',
  WAITING_ADVICE_MISSING: 'mottaksbrevet må ha råd i ventetiden med hvem som gjør hva',
  AGREEMENT_DEADLINE_MISSING: 'avtalen mangler frist',
  MEETING_WITHOUT_LEADER: 'ingen fra skolens ledelse var i møtet',
  LIX_HIGH: 'teksten er tung å lese (høy LIX): bruk kortere setninger og ord',
  PROPOSAL_UNANSWERED: 'et innspill fra foresatte er ikke besvart: brevet sier når svaret kommer',
  HEARING_OPEN:
    'foresatte har fortsatt frist for merknader til utkastet: registrer merknaden, eller vent til fristen er ute',
};

/** Codes of LETTER_DATA_MISSING: the case cannot carry this kind of letter at all. */
export const LETTER_DATA_TEXT_NB: Record<string, string> = {
  SAKKYNDIG_ONLY_PPT: 'sakkyndig vurdering skrives bare av PPT',
  NO_REFERRAL: 'saken har ingen henvisning å bekrefte',
  NO_CASEWORKER: 'saken har ingen saksbehandler nå',
  NO_MEASURES: 'saken har ingen tiltak å skrive om',
  NO_MEETING: 'saken har ingen møter',
  MEETING_NOT_FOUND: 'fant ikke møtet',
  NOTHING_OVERDUE: 'ingen avtaler, svar eller evalueringer har passert fristen',
  NOTE_CONFIDENTIAL:
    'notatet er fortrolig og kan ikke tas med i brevet før det er frigitt med en begrunnelse',
  NOTE_NOT_FOUND: 'fant ikke notatet brevet skal sitere',
  FILE_EXISTS: 'fila finnes allerede; velg et annet navn',
  PDF_EXTENSION: 'brevet må skrives til en fil som slutter på .pdf',
  FIRST_CONTACT_RECORDED: 'første kontakt er alt registrert; et mottaksbrev ville love noe som har skjedd',
  NO_CASEWORKER_CHANGE: 'saken har ikke byttet saksbehandler',
  ALREADY_ANNOUNCED: 'den nye kontaktpersonen er alt meldt i et brev på dette språket',
  CERT_EXTENSION: 'sertifikatet må skrives til en fil som slutter på .p12 eller .pfx',
};
