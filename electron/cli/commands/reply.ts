import { readFile } from 'node:fs/promises';
import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';

/** `bro reply import DIR FILE.pdf`: the school's filled-in reply slip into the case (issue 19 item 3). */
export const replyCommand: Command = {
  name: 'reply',
  help: [
    [
      'reply import <mappe> <fil.pdf>',
      'Les inn skolens utfylte svarslipp (anbefaling eller oppfølgingsbrev): kontrollerer at brevet er sendt herfra og bare skjemaet er fylt ut, og lagrer svaret per tiltak eller avtale',
    ],
  ],
  async run(cli, rest) {
    const usage = 'bro reply import <dir> FILE.pdf';
    if (rest[0] !== 'import') throw new BroError('USAGE', usage);
    need(rest.slice(1), 2, usage);
    const [dir, file] = rest.slice(1) as [string, string];
    let pdf: Buffer;
    try {
      pdf = await readFile(file);
    } catch {
      throw new BroError('IO', `Could not read ${file}`, { detail: { reason: 'READ' } });
    }
    await cli.unlock(dir);
    const r = await cli.call('reply.import', { pdf: pdf.toString('base64') });
    await cli.session.vault?.close();
    const answer: Record<string, string> = {
      gjennomføres: 'gjennomføres',
      'med endring': 'gjennomføres med endring',
      'kan ikke': 'kan ikke gjennomføres',
    };
    const lines = r.followUp
      ? followLines(r)
      : [
          r.recorded.length === 0
            ? 'Svaret var allerede lagret; ingenting nytt.'
            : `Lagret skolens svar på ${r.recorded.length} tiltak i sak ${r.caseId}.`,
          ...r.recorded.map((x) => `  Tiltak ${x.n}: ${answer[x.answer] ?? x.answer} (${x.date})`),
          ...(r.unchanged ? [`  ${r.unchanged} svar var lagret fra før.`] : []),
        ];
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};

type Result = { caseId: string; followUp?: FollowUp[]; noteId?: string; noteAdded?: boolean };
type FollowUp = {
  n: number;
  answer: string;
  date: string | null;
  effect: string;
  unchanged: boolean;
  what: string;
};

const EFFECT: Record<string, string> = {
  agreement: 'avtalen er oppdatert',
  schoolAnswer: 'skolens svar er lagret på tiltaket',
  evaluationDate: 'evalueringsdatoen er flyttet',
  note: 'står i journalnotatet; registrer resten i saken',
};

/** An oppfølgingsbrev's answer: each item, what it did, and the journal note. */
function followLines(r: Result): string[] {
  const items = r.followUp ?? [];
  const changed = items.filter((x) => !x.unchanged);
  return [
    changed.length === 0 && !r.noteAdded
      ? 'Svaret var allerede lagret; ingenting nytt.'
      : `Lest inn skolens svar på oppfølgingsbrevet i sak ${r.caseId}.`,
    ...items.map(
      (x) =>
        `  ${x.n}. ${x.what}: ${x.answer}${x.date ? ` (${x.date})` : ''}: ` +
        (x.unchanged && x.effect !== 'note' ? 'lagret fra før' : EFFECT[x.effect]),
    ),
    r.noteAdded
      ? '  Hele svaret står i et journalnotat i saken.'
      : '  Journalnotatet med svaret var lagret fra før.',
    // A second, different slip for the same letter (svar-<letter id>-2, …): the first one is kept.
    ...(r.noteAdded && /^svar-[a-z2-7]+-\d+$/u.test(r.noteId ?? '')
      ? ['  Et tidligere svar på samme brev står fortsatt i sitt eget journalnotat.']
      : []),
  ];
}
