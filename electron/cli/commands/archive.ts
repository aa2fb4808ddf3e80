import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';

/** `bro archive DIR --case ID --out PATH`: the case as Fiks Arkiv arkivmeldinger (issue 19 item 1). */
export const archiveCommand: Command = {
  name: 'archive',
  help: [
    [
      'archive <mappe> --case ID --out MAPPE|FIL.zip',
      'Arkivpakke for Fiks Arkiv: arkivmelding.xml for saksmappen og én journalpost per sendt brev med PDF/A',
    ],
  ],
  async run(cli, rest) {
    const usage = 'bro archive <dir> --case ID --out FOLDER|FILE.zip';
    need(rest, 1, usage);
    const [dir] = rest as [string];
    const caseId = cli.flags.case?.[0];
    if (!caseId || cli.flags.case!.length > 1) throw new BroError('USAGE', usage);
    if (!cli.flags.out) throw new BroError('USAGE', usage);
    await cli.unlock(dir);
    const r = await cli.call('archive.make', { caseId, out: cli.flags.out });
    await cli.session.vault?.close();
    const letters = r.messages.filter((m) => m.letterId !== null).length;
    const lines = [
      `Skrev ${r.file} (${r.bytes} byte): ${r.messages.length} arkivmeldinger, saksmappen og ${letters} brev.`,
      ...r.messages.map((m) => `  ${m.folder}  ${m.key}`),
      'Send hver mappe som én melding (Fiks Arkiv V1 arkivmelding opprett), i denne rekkefølgen.',
    ];
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};
