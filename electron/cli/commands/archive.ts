import { readFile } from 'node:fs/promises';
import { BroError } from '../../../shared/errors';
import { EXIT, need, type Cli, type Command } from '../cli';

/** `bro archive DIR --case ID --out PATH`: the case as Fiks Arkiv arkivmeldinger (issue 19 item 1). */
export const archiveCommand: Command = {
  name: 'archive',
  help: [
    [
      'archive <mappe> --case ID --out MAPPE|FIL.zip',
      'Arkivpakke for Fiks Arkiv: arkivmelding.xml for saksmappen og én journalpost per sendt brev med PDF/A',
    ],
    [
      'archive receipt <mappe> FIL.xml',
      'Les arkivets kvittering (Fiks Arkiv arkivmelding opprett kvittering) og lagre saks- og journalpostnummer på saken, brevene og de mottatte dokumentene',
    ],
    [
      'archive status <mappe> --case ID',
      'Hvilke brev og mottatte dokumenter i saken som er arkivert, med arkivets referanse',
    ],
  ],
  async run(cli, rest) {
    if (rest[0] === 'receipt') return receipt(cli, rest.slice(1));
    if (rest[0] === 'status') return status(cli, rest.slice(1));
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
    const documents = r.messages.filter((m) => m.attachmentId !== undefined).length;
    const lines = [
      `Skrev ${r.file} (${r.bytes} byte): ${r.messages.length} arkivmeldinger, saksmappen, ${letters} brev og ${documents} mottatte dokumenter.`,
      ...r.messages.map((m) => `  ${m.folder}  ${m.key}`),
      'Send hver mappe som én melding (Fiks Arkiv V1 arkivmelding opprett), i denne rekkefølgen.',
    ];
    cli.print({ ok: true, ...r }, lines.join('\n'));
    return EXIT.OK;
  },
};

/** `bro archive receipt DIR FILE.xml`: records the archive's references from its kvittering. */
async function receipt(cli: Cli, rest: string[]): Promise<number> {
  const usage = 'bro archive receipt <dir> FILE.xml';
  need(rest, 2, usage);
  const [dir, file] = rest as [string, string];
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch {
    throw new BroError('IO', `Could not read ${file}`, { detail: { reason: 'READ' } });
  }
  await cli.unlock(dir);
  const r = await cli.call('archive.receipt', { xml });
  await cli.session.vault?.close();
  const lines = [
    r.recorded === 0
      ? 'Kvitteringen var allerede lagret; ingenting nytt.'
      : `Lagret ${r.recorded} arkivreferanse${r.recorded === 1 ? '' : 'r'} på saken.`,
    ...r.receipts.map((x) =>
      x.of === 'case'
        ? `  saksmappe  ${x.reference}`
        : x.of === 'letter'
          ? `  brev ${x.letterId}  Arkivert: ${x.reference}`
          : `  dokument ${x.attachmentId}  Arkivert: ${x.reference}`,
    ),
  ];
  cli.print({ ok: true, ...r }, lines.join('\n'));
  return EXIT.OK;
}

/** `bro archive status DIR --case ID`: each issued letter and received document archived or not. */
async function status(cli: Cli, rest: string[]): Promise<number> {
  const usage = 'bro archive status <dir> --case ID';
  need(rest, 1, usage);
  const [dir] = rest as [string];
  const caseId = cli.flags.case?.[0];
  if (!caseId) throw new BroError('USAGE', usage);
  await cli.unlock(dir);
  const r = await cli.call('archive.status', { caseId });
  await cli.session.vault?.close();
  const shown = (x: { archived: boolean; reference: string | null }) =>
    x.archived ? `Arkivert: ${x.reference}` : 'Ikke arkivert';
  const lines = [
    // `complete` is about letters: a case that sent none says so rather than «0 brev» missing.
    r.letters.length === 0
      ? 'Ingen sendte brev i saken.'
      : r.complete
        ? 'Alle sendte brev er arkivert.'
        : `Ikke arkivert: ${r.missing.length} brev.`,
    ...r.letters.map((l) => `  ${l.letterId}  ${shown(l)}`),
    ...(r.documents.length === 0
      ? []
      : [
          r.documentsMissing.length === 0
            ? r.documents.length === 1
              ? 'Det mottatte dokumentet er arkivert.'
              : `Alle ${r.documents.length} mottatte dokumenter er arkivert.`
            : `Mottatte dokumenter ikke arkivert: ${r.documentsMissing.length} av ${r.documents.length}.`,
          ...r.documents.map((d) => `  dokument ${d.attachmentId}  ${shown(d)}`),
        ]),
  ];
  cli.print({ ok: true, ...r }, lines.join('\n'));
  return EXIT.OK;
}
