import { describe, expect, it } from 'vitest';
import { LETTER_KINDS } from './kinds';
import { LEGAL_REFS } from './legalRefs';
import { MONTHS } from './datesIn';
import { STANDARD_ADVICE } from './model';
import { SERVICE_LONG_NAME } from './settings';
import { NN } from './texts';
import { bokmalWords } from './nynorskWords';

/** Case text passed in is printed as is and is not the template's: the markers are removed before the scan. */
const MARK = /\bq[xX]\d*\b/giu;

const bokmalIn = (text: string) => bokmalWords(text.replace(MARK, ' '));

/** Codes the lookup functions translate (anything else is case text and comes back as written). */
const LOOKUP_KEYS: Record<string, string[]> = {
  role: [
    'kontaktlærer',
    'lærer',
    'sosiallærer',
    'avdelingsleder',
    'trinnleder',
    'rådgiver',
    'pp-rådgiver',
    'seniorrådgiver',
    'helsesykepleier',
    'spesialsykepleier',
    'foresatte',
    'koordinator i skolen',
    'assisterende rektor',
    'rektor',
  ],
  referrer: ['skole', 'foresatte', 'fastlege', 'helsesykepleier', 'PPT', 'BUP', 'Skoleteam', 'barnevern'],
  agreementStatus: ['åpen', 'utført', 'ikke utført', 'avlyst'],
  measureState: ['avsluttet', 'kan ikke', 'gjennomføres', 'ikke i gang', 'avventer svar'],
  schoolAnswer: ['gjennomføres', 'med endring', 'kan ikke'],
  outcome: ['bedring', 'ingen endring', 'forverring'],
  decision: ['videreføres', 'justeres', 'avsluttes'],
  title: [...LETTER_KINDS],
};

/** Every argument combination of case text (distinct or equal), small and large numbers and null. */
function argVectors(arity: number): unknown[][] {
  let out: unknown[][] = [[]];
  for (let i = 0; i < arity; i++) {
    const values: unknown[] = [`Qx${i + 1}`, 'Qx', 1, 3, null];
    out = out.flatMap((prefix) => values.map((v) => [...prefix, v]));
  }
  return out;
}

/** Every string a nynorsk letter can take from the templates, with where it came from. */
function nynorskStrings(): { at: string; text: string }[] {
  const out: { at: string; text: string }[] = [];
  const walk = (value: unknown, at: string, key: string) => {
    if (typeof value === 'string') out.push({ at, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`, key));
    else if (typeof value === 'function') {
      const fn = value as (...a: unknown[]) => unknown;
      let ok = 0;
      const keys = LOOKUP_KEYS[key];
      if (keys) {
        for (const k of keys) {
          const args = key === 'title' ? [k, 'Qx'] : key === 'measureState' ? [k, 'Qx'] : [k];
          out.push({ at: `${at}(${k})`, text: String(fn(...args)) });
          if (key === 'measureState') out.push({ at: `${at}(${k}, null)`, text: String(fn(k, null)) });
          ok++;
        }
      } else {
        for (const args of argVectors(fn.length)) {
          try {
            const r = fn(...args);
            if (typeof r === 'string') {
              out.push({ at: `${at}(${args.map(String).join(', ')})`, text: r });
              ok++;
            }
          } catch {
            // A type the function does not take (e.g. a number where it trims a string).
          }
        }
      }
      if (ok === 0) out.push({ at, text: `NOT CALLED: ${at}` });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${at}.${k}`, k);
    }
  };
  walk(NN, 'NN', 'NN');
  walk(STANDARD_ADVICE.nn, 'STANDARD_ADVICE.nn', 'advice');
  for (const [code, names] of Object.entries(SERVICE_LONG_NAME))
    walk(names.nn, `SERVICE_LONG_NAME.${code}.nn`, 'service');
  walk([...MONTHS], 'MONTHS', 'month');
  LEGAL_REFS.forEach((r) => {
    walk(r.law.nn, `LEGAL_REFS.${r.id}.law.nn`, 'law');
    walk(r.title.nn, `LEGAL_REFS.${r.id}.title.nn`, 'title.nn');
  });
  return out;
}

describe('nynorsk letter templates', () => {
  it('flags the bokmål the issue found in nynorsk letters, and passes correct nynorsk', () => {
    expect(bokmalIn('Åpne avtaler fra forrige møte ble gjennomgått først.').map((h) => h.word)).toEqual([
      'åpne',
      'avtaler',
      'fra',
      'forrige',
      'ble',
    ]);
    expect(bokmalIn('Kor ofte: hver gang en endring er kjent').map((h) => h.word)).toEqual(['hver', 'en']);
    expect(bokmalIn('Det er ikke mulig å si hvordan tjenesten gjør det.').map((h) => h.word)).toEqual([
      'ikke',
      'mulig',
      'hvordan',
      'tjenesten',
      'gjør',
    ]);
    expect(
      bokmalIn(
        'Opne avtalar frå førre møte vart gått gjennom først. Kor ofte: kvar gong ei endring er kjend. ' +
          'Skolen og skulen gir også beskjed til eleven om det blir vanskeleg, og vi svarar dykk innan ei veke. ' +
          'Vi ber om opplysningar og ei stadfesting frå føresette. Tryggleiken og moglegheita er viktige.',
      ),
    ).toEqual([]);
  });

  it('leaves case text passed into a template alone, and scans the template around it', () => {
    expect(bokmalIn(NN.voiceAbsent('Qx1'))).toEqual([]);
    expect(bokmalIn(NN.voiceAbsent('Qx1 fra'))).toEqual([{ word: 'fra', nn: 'frå' }]);
  });

  it('lets the participle agree with one point or several (gjort / gjorde)', () => {
    expect(NN.oppfolging.lead('Qx', 1)).toContain('det eine punktet som ikkje er gjort i tide.');
    expect(NN.oppfolging.lead('Qx', 3)).toContain('dei tre punkta som ikkje er gjorde i tide.');
  });

  it('has no bokmål-only word in any string a nynorsk letter can print', () => {
    const strings = nynorskStrings();
    expect(strings.length).toBeGreaterThan(500);
    const problems = strings
      .flatMap(({ at, text }) =>
        text.startsWith('NOT CALLED')
          ? [text]
          : bokmalIn(text).map((h) => `${at}: «${h.word}» (nynorsk: ${h.nn}) in «${text}»`),
      )
      .filter((p, i, all) => all.indexOf(p) === i);
    expect(problems).toEqual([]);
  });
});
