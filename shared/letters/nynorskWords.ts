import type { CaseDoc } from '../domain/caseDoc';

/**
 * The word list of the nynorsk scan (shared/letters/nynorsk.test.ts scans every template string a
 * nynorsk letter prints with it) and the one rule that uses it on case text: a nynorsk letter
 * whose case text reads as bokmål shows CASE_TEXT_BOKMAL until the caseworker writes the nynorsk
 * text or keeps the text with a reason.
 */
/**
 * Bokmål forms that are not nynorsk (nynorsk 2012 norm), each with the nynorsk form a letter
 * uses instead. Only words that are wrong in every nynorsk sentence are here: «skole» (a sideform
 * since 2012), «også», «blir», «gir», «derfor», «hos» and «nå» (the verb) are correct nynorsk
 * and are not flagged.
 */
export const BOKMAL_ONLY: Record<string, string> = {
  ikke: 'ikkje',
  hva: 'kva',
  hvem: 'kven',
  hvor: 'kvar',
  hvordan: 'korleis',
  hvorfor: 'kvifor',
  hvis: 'viss / dersom',
  hver: 'kvar',
  hvert: 'kvart',
  hverandre: 'kvarandre',
  hvilken: 'kva for ein',
  hvilket: 'kva for eit',
  hvilke: 'kva for',
  fra: 'frå',
  ble: 'vart / blei',
  noen: 'nokon',
  noe: 'noko',
  mye: 'mykje',
  bare: 'berre',
  være: 'vere',
  gjøre: 'gjere',
  gjør: 'gjer',
  sier: 'seier',
  uke: 'veke',
  uka: 'veka',
  uker: 'veker',
  jeg: 'eg',
  dere: 'de / dykk',
  deres: 'dykkar',
  en: 'ein / ei',
  et: 'eit',
  ett: 'eitt',
  forrige: 'førre',
  åpen: 'open',
  åpent: 'ope',
  åpne: 'opne',
  avtaler: 'avtalar',
  avtalene: 'avtalane',
  hjem: 'heim',
  hjemme: 'heime',
  uten: 'utan',
  innen: 'innan',
  siden: 'sidan',
  sammen: 'saman',
  samme: 'same',
  kontaktlærer: 'kontaktlærar',
  sosiallærer: 'sosiallærar',
  foresatte: 'føresette',
  foresatt: 'føresett',
  kommer: 'kjem',
  fikk: 'fekk',
  gikk: 'gjekk',
  ennå: 'enno',
  egen: 'eigen',
  eget: 'eige',
  egne: 'eigne',
  mens: 'medan',
  selv: 'sjølv',
  måned: 'månad',
  måneder: 'månader',
  tjeneste: 'teneste',
  tjenesten: 'tenesta',
  trenger: 'treng',
  hele: 'heile',
  helt: 'heilt',
  annen: 'annan',
  annet: 'anna',
  sted: 'stad',
  svarer: 'svarar',
  kaller: 'kallar',
  setter: 'set',
  sørger: 'syter',
  følge: 'følgje',
  følger: 'følgjer',
  ifølge: 'ifølgje',
  høre: 'høyre',
  hører: 'høyrer',
  mene: 'meine',
  mener: 'meiner',
  voksen: 'vaksen',
  voksne: 'vaksne',
  frister: 'fristar',
  mer: 'meir',
  senest: 'seinast',
  senere: 'seinare',
  hennes: 'hennar',
  gjennomføres: 'gjennomførast',
  settes: 'setjast',
  sendes: 'sendast',
  evalueres: 'evaluerast',
};

/**
 * Endings no nynorsk word has: -lig (nynorsk -leg), -het (-heit), -ninger (-ningar), -sjoner (-sjonar).
 * «villig», «frivillig» and «ufrivillig» keep -ig in nynorsk too (Nynorskordboka), so «ufrivillig
 * skulefråvær» is not flagged.
 */
export const BOKMAL_ENDINGS: { re: RegExp; nn: string }[] = [
  { re: /^(?!\p{L}*villig)\p{L}{2,}lig(e|t|ere|st|ste)?$/u, nn: '-leg, -lege, -legt' },
  { re: /^\p{L}{3,}het(en|er|ene)?$/u, nn: '-heit' },
  { re: /^\p{L}{2,}ning(er|ene)$/u, nn: '-ningar, -ningane' },
  { re: /^\p{L}{2,}sjoner(ne)?$/u, nn: '-sjonar, -sjonane' },
];

/** The bokmål-only words in a text, each with the nynorsk form to use instead. */
export function bokmalWords(text: string): { word: string; nn: string }[] {
  const hits: { word: string; nn: string }[] = [];
  for (const raw of text.split(/[^\p{L}]+/u)) {
    const word = raw.toLowerCase();
    if (!word) continue;
    const nn = Object.prototype.hasOwnProperty.call(BOKMAL_ONLY, word) ? BOKMAL_ONLY[word] : undefined;
    if (nn) hits.push({ word, nn });
    else {
      const ending = BOKMAL_ENDINGS.find((e) => e.re.test(word));
      if (ending) hits.push({ word, nn: ending.nn });
    }
  }
  return hits;
}

/** A case text reads as bokmål when it has a bokmål-only word. */
export function readsAsBokmal(text: string | null | undefined): boolean {
  return !!text && bokmalWords(text).length > 0;
}

/** The case's own (bokmål) text under a `nynorsk` key: what the caseworker writes in nynorsk. */
export function caseTextAt(doc: CaseDoc, key: string): string | null {
  const [head, id, field] = key.split('/');
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  if (head === 'pupilVoice' || head === 'parentsView') return s(doc[head]);
  if (head === 'assessmentConclusion' && id) {
    const c = doc.assessmentConclusion;
    const topic = /^topics\.(\w+)$/u.exec(id);
    if (topic) return s((c?.topics as Record<string, unknown> | null | undefined)?.[topic[1]!]);
    const dev = /^deviations\.(\d+)\.(what|legalBasis)$/u.exec(id);
    if (dev) return s(c?.deviations?.[Number(dev[1])]?.[dev[2] as 'what' | 'legalBasis']);
    return s((c as Record<string, unknown>)?.[id]);
  }
  if (head === 'expectations' && id) return s((doc.expectations as Record<string, unknown>)?.[id]);
  if (head === 'schoolUnderstanding' || head === 'parentsUnderstanding') return s(doc[head]);
  if (head === 'assignments' && id && field) {
    const note = doc.assignments?.[Number(id)]?.handoverNote;
    const f = /^handoverNote\.(openPromises|nextDeadlines)$/u.exec(field);
    return f && note && typeof note === 'object' ? s(note[f[1] as 'openPromises' | 'nextDeadlines']) : null;
  }
  if (head === 'notes' && id && field === 'text') return s((doc.notes ?? []).find((n) => n.id === id)?.text);
  if (head === 'hearings' && id && field === 'comment') {
    const h = (doc.hearings ?? []).find((x, i) => (x.id ?? x.shared) === id || String(i) === id);
    return s(h?.comment);
  }
  if (head === 'recommendations' && id && field) {
    const m = (doc.recommendations ?? []).find((r) => r.id === id);
    if (!m) return null;
    if (field === 'evaluation.method') return s(m.evaluation?.method);
    if (field === 'schoolAnswer.reason' || field === 'schoolAnswer.alternative')
      return s(m.schoolAnswer?.[field === 'schoolAnswer.reason' ? 'reason' : 'alternative']);
    const ev = /^evaluations\.(.+)\.why$/u.exec(field);
    if (ev) return s((m.evaluations ?? []).find((e) => e.date === ev[1])?.why);
    return s((m as Record<string, unknown>)[field]);
  }
  if ((head === 'voices' || head === 'proposals') && id && field) {
    const list: { id?: string | null; date: string }[] = doc[head] ?? [];
    const e = list.find((x) => (x.id ?? x.date) === id);
    return e ? s((e as Record<string, unknown>)[field]) : null;
  }
  if (head === 'referrals' && id && field === 'reason')
    return s((doc.referrals ?? []).find((r) => r.id === id)?.reason);
  if (head === 'meetings' && id && field) {
    const m = (doc.meetings ?? []).find((x) => (x.id ?? x.date) === id || x.date === id);
    if (field === 'note') return s(m?.note);
    const dis = /^dissent\.(\d+)\.text$/u.exec(field);
    if (dis) return s(m?.dissent?.[Number(dis[1])]?.text);
    const d = /^decisions\.(\d+)$/u.exec(field);
    if (d) return s(m?.decisions?.[Number(d[1])]);
    const a = /^agreements\.(\d+)\.what$/u.exec(field);
    if (a) return s(m?.agreements?.[Number(a[1])]?.what);
  }
  return null;
}
