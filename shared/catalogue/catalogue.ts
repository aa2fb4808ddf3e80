import { z } from 'zod';
import { externalId, optionalText, text } from '../domain/common';
import { LEVELS, TARGETS, type Recommendation } from '../domain/recommendation';

/**
 * The catalogue of measures (tiltakskatalog, issue 13 item 2): the service's repertoire, kept in
 * the vault as a register (shared/registers, register `catalogue`) and edited by the service.
 * Planning a measure from it pre-fills the measure (`measureFromCatalogue`); the measure records
 * the entry it came from (`catalogueId` = the entry's `code`).
 */
export const catalogueEntry = z.strictObject({
  /** Short name shown in lists: «Fleksibel oppstart». Unique in the catalogue (like a school's name). */
  name: text(200),
  /**
   * A stable id for the entry, kept by the measures planned from it (`catalogueId`) and in
   * interchange files: lower-case letters, digits and dashes. Made from the name when left out.
   */
  code: externalId.nullish(),
  /** The default text of the measure (its «what»), edited per pupil. */
  text: text(5000),
  level: z.enum(LEVELS),
  target: z.enum(TARGETS),
  /** Forutsigbar: the pupil knows in advance what happens, when, with whom. */
  predictable: z.boolean(),
  /** Mestringsorientert: builds the pupil's experience of mastering school. */
  masteryOriented: z.boolean(),
  /** A suggested frequency («hver skoledag»), if the measure usually has one. */
  frequency: optionalText(500),
});
export type CatalogueEntry = z.infer<typeof catalogueEntry>;

/** A code from a name: «Møte eleven utenfor skolen» → «mote-eleven-utenfor-skolen». */
export function codeOf(name: string): string {
  const map: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', á: 'a', é: 'e', ö: 'o', ä: 'a', ü: 'u' };
  const slug = name
    .toLocaleLowerCase('nb')
    .replace(/[æøåáéöäü]/gu, (c) => map[c] ?? c)
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
  return slug || 'tiltak';
}

/**
 * The study's repertoire (seed brief): what schools and services did that helped pupils back.
 * A vault's catalogue is seeded with these (`registers.seedCatalogue`, `bro demo`), then the
 * service edits, removes and adds its own.
 */
export const CATALOGUE_SEED: readonly CatalogueEntry[] = [
  {
    name: 'Fleksibel oppstart',
    code: 'fleksibel-oppstart',
    text: 'Eleven starter skoledagen på et avtalt tidspunkt og et avtalt sted, med en kjent voksen, og starttidspunktet flyttes tidligere steg for steg.',
    level: 'indikert',
    target: 'elev',
    predictable: true,
    masteryOriented: true,
    frequency: 'hver skoledag',
  },
  {
    name: 'Redusert dag',
    code: 'redusert-dag',
    text: 'Eleven har en kortere skoledag med de timene eleven mestrer best, og dagen utvides etter en avtalt plan.',
    level: 'indikert',
    target: 'elev',
    predictable: true,
    masteryOriented: true,
    frequency: 'hver skoledag',
  },
  {
    name: 'Timeplan bygd på foretrukne fag',
    code: 'timeplan-bygd-pa-foretrukne-fag',
    text: 'Timeplanen bygges rundt fagene eleven liker og mestrer, slik at eleven har noe å glede seg til hver dag.',
    level: 'indikert',
    target: 'elev',
    predictable: true,
    masteryOriented: true,
    frequency: null,
  },
  {
    name: 'Møte eleven utenfor skolen',
    code: 'mote-eleven-utenfor-skolen',
    text: 'En trygg voksen fra skolen møter eleven utenfor skolen (hjemme, på biblioteket eller på tur) for å bygge relasjon før eleven kommer tilbake.',
    level: 'indikert',
    target: 'elev',
    predictable: true,
    masteryOriented: false,
    frequency: 'to ganger i uka',
  },
  {
    name: 'Henting hjemme',
    code: 'henting-hjemme',
    text: 'En voksen fra skolen henter eleven hjemme og følger eleven til skolen på avtalte dager.',
    level: 'indikert',
    target: 'elev',
    predictable: true,
    masteryOriented: false,
    frequency: 'avtalte skoledager kl. 08.00',
  },
  {
    name: 'Trygg voksen ved ankomst',
    code: 'trygg-voksen-ved-ankomst',
    text: 'En fast, navngitt voksen tar imot eleven ved ankomst hver morgen og går gjennom dagen med eleven.',
    level: 'selektivt',
    target: 'elev',
    predictable: true,
    masteryOriented: false,
    frequency: 'hver skoledag ved ankomst',
  },
  {
    name: 'Pauseavtale',
    code: 'pauseavtale',
    text: 'Eleven har en avtale om når og hvor eleven kan ta pause, og hvem eleven sier fra til, uten å måtte forklare seg.',
    level: 'selektivt',
    target: 'elev',
    predictable: true,
    masteryOriented: true,
    frequency: 'hver skoledag, etter avtalen',
  },
  {
    name: 'Veiledning til lærer',
    code: 'veiledning-til-laerer',
    text: 'Tjenesten veileder kontaktlæreren og faglærerne i hvordan de kan tilrettelegge for eleven i timene.',
    level: 'selektivt',
    target: 'skolemiljø',
    predictable: false,
    masteryOriented: true,
    frequency: 'hver fjortende dag',
  },
  {
    name: 'Kompetanseheving i skolen',
    code: 'kompetanseheving-i-skolen',
    text: 'Personalet får opplæring i skolefravær, tidlig innsats og hvordan skolen kan gjøre skoledagen forutsigbar.',
    level: 'universelt',
    target: 'skolemiljø',
    predictable: false,
    masteryOriented: false,
    frequency: null,
  },
  {
    name: 'Veiledning til foresatte',
    code: 'veiledning-til-foresatte',
    text: 'Foresatte får veiledning i hvordan de kan støtte eleven om morgenen og i samarbeidet med skolen.',
    level: 'selektivt',
    target: 'hjem',
    predictable: false,
    masteryOriented: false,
    frequency: 'hver tredje uke',
  },
  {
    name: 'Samarbeidsgruppe',
    code: 'samarbeidsgruppe',
    text: 'En fast samarbeidsgruppe med eleven, foresatte, skolen og tjenesten møtes for å planlegge og evaluere tiltakene.',
    level: 'indikert',
    target: 'elev',
    predictable: true,
    masteryOriented: false,
    frequency: 'hver sjette uke',
  },
  {
    name: 'Varsling om endringer',
    code: 'varsling-om-endringer',
    text: 'Skolen varsler eleven og foresatte dagen før om endringer i timeplan, lærer eller rom.',
    level: 'selektivt',
    target: 'skolemiljø',
    predictable: true,
    masteryOriented: false,
    frequency: 'ved hver endring',
  },
];

/** The fields of a measure an entry pre-fills: its text, kind and frequency, and where it came from. */
export function measureFromCatalogue(
  entry: { name: string } & { [K in keyof CatalogueEntry]?: CatalogueEntry[K] | null },
): Partial<Recommendation> {
  const out: Partial<Recommendation> = {
    catalogueId: entry.code ?? codeOf(entry.name),
    what: entry.text ?? entry.name,
  };
  if (entry.level) out.level = entry.level;
  if (entry.target) out.target = entry.target;
  if (typeof entry.predictable === 'boolean') out.predictable = entry.predictable;
  if (typeof entry.masteryOriented === 'boolean') out.masteryOriented = entry.masteryOriented;
  if (entry.frequency) out.frequency = entry.frequency;
  return out;
}
