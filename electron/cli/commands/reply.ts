import { readFile } from 'node:fs/promises';
import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';

/** `bro reply import DIR FILE.pdf`: the school's filled-in reply slip into the case (issue 19 item 3). */
export const replyCommand: Command = {
  name: 'reply',
  help: [
    [
      'reply import <mappe> <fil.pdf>',
      'Les inn skolens utfylte svarslipp: kontrollerer at brevet er sendt herfra og bare skjemaet er fylt ut, og lagrer svaret per tiltak',
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
    const lines = [
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
