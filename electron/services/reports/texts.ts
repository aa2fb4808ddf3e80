import { nbDate } from '../../../shared/calendar/days';
import type { Service } from '../../../shared/domain/common';
import type { WaitingReport } from '../../../shared/waiting/report';

/** Norwegian texts shared by the XLSX and PDF reports. */

export const SERVICE_TEXT = (s: Service) => (s === 'Annet' ? 'annen tjeneste' : s);

export function periodText(r: Pick<WaitingReport, 'from' | 'to' | 'measuredTo'>): string {
  const base = `${nbDate(r.from)}–${nbDate(r.to)}`;
  return r.measuredTo < r.to ? `${base} (målt til ${nbDate(r.measuredTo)})` : base;
}

/** What each figure means, in the words of docs/WAITING-TIMES.md. */
export const DEFINITIONS: [string, string][] = [
  ['Ventetid', 'Fra henvisningen ble mottatt til første kontakt.'],
  [
    'Saksbehandlingstid',
    'Fra henvisningen ble mottatt til konklusjon (anbefaling / sakkyndig vurdering sendt).',
  ],
  [
    'Avsluttet',
    'Sluttdatoen (første kontakt eller konklusjon) ligger i perioden, begge ender medregnet. Verdien er tiden fra mottak til sluttdatoen.',
  ],
  [
    'Venter',
    'Mottatt senest ved periodens slutt og ikke avsluttet (eller tatt av lista: avslått, videresendt, lukket) da. Målt til periodens slutt.',
  ],
  ['Median', 'Midterste verdi; ved et partall verdier gjennomsnittet av de to midterste.'],
  ['p90', '90-persentil etter nærmeste rang: den ⌈0,9·n⌉-te minste verdien.'],
  [
    'Andel innen mål',
    'Av henvisningene som har et mål: andelen som nådde det (avsluttet) eller ennå ikke har passert det (venter).',
  ],
  [
    'Fristbrudd',
    'BUP-frister som løp ut i perioden uten at helsehjelpen hadde startet (telles dagen etter fristen).',
  ],
  [
    'Bytter av saksbehandler',
    'For henvisninger som var åpne i perioden: nye saksbehandlere etter den første, fra mottak til avslutning eller periodens slutt.',
  ],
  [
    'Dager uten saksbehandler',
    'Dager etter at første saksbehandler startet der ingen var tildelt saken (hull mellom og etter tildelinger).',
  ],
  ['Kalenderdager', 'Til-dato minus fra-dato (mottatt mandag, kontakt mandagen etter = 7).'],
  [
    'Virkedager',
    'Virkedager d med fra < d ≤ til: mandag–fredag (lørdag når det er valgt) som ikke er helligdag eller 1./17. mai.',
  ],
  [
    'Måneder',
    'Kalendermåneder; finnes ikke dagen i sluttmåneden, brukes siste dag i måneden (31.01 + 1 måned = 28./29.02).',
  ],
  ['<5 og :', '<5: et antall på 1–4, skjult (prikket). «:»: tall regnet ut fra et skjult antall.'],
];
