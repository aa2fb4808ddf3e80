import path from 'node:path';
import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';
import { sharingLine } from './innsyn';
import { readJsonFile } from '../cli';
import { writeAtomic } from '../../services/vault/atomic';

export const importCommand: Command = {
  name: 'import',
  help: [
    ['import <mappe> <fil.json>', 'Importer saker (bro-interchange/1): alt eller ingenting, kan gjentas'],
  ],
  async run(cli, rest) {
    need(rest, 2, 'bro import <dir> <file.json>');
    const [dir, file] = rest as [string, string];
    const input = await readJsonFile(file);
    await cli.unlock(dir);
    const r = await cli.call('interchange.import', { file: input });
    await cli.session.vault?.close();
    cli.print(
      { ok: true, ...r },
      `Importert: ${r.cases} saker – ${r.created} nye, ${r.updated} endret, ${r.unchanged} uendret (${r.events} hendelser).${
        r.schools ? ` ${r.schools} skoler lagt til eller endret i skoleregisteret.` : ''
      }`,
    );
    return EXIT.OK;
  },
};

export const exportCommand: Command = {
  name: 'export',
  help: [
    ['export <mappe> <ut.json> [--case ID ...]', 'Eksporter alle saker eller de valgte (id eller saks-id)'],
    [
      'export <mappe> <ut.json> --to MOTTAKER [--legal-basis TEKST]',
      'Eksport til noen utenfor tjenesten: hver sak trenger gyldig samtykke eller et lovgrunnlag',
    ],
  ],
  async run(cli, rest) {
    const usage = 'bro export <dir> <out.json> [--case ID] [--to NAME [--legal-basis TEXT]]';
    need(rest, 2, usage);
    const [dir, out] = rest as [string, string];
    const to = cli.flags.to;
    const legalBasis = cli.flags['legal-basis'];
    if (legalBasis !== undefined && to === undefined) throw new BroError('USAGE', usage);
    await cli.unlock(dir);
    const r = await cli.call('interchange.export', {
      ...(cli.flags.case?.length ? { cases: cli.flags.case } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(legalBasis !== undefined ? { legalBasis } : {}),
    });
    await cli.session.vault?.close();
    // SECURITY: plaintext leaves the vault only here, by the user's explicit choice, written atomically with mode 0600.
    try {
      await writeAtomic(path.resolve(out), JSON.stringify(r.file, null, 2) + '\n');
    } catch {
      throw new BroError('IO', 'Could not write the export file', { detail: { reason: 'WRITE' } });
    }
    const n = (r.file as { cases: unknown[] }).cases.length;
    cli.print(
      {
        ok: r.skipped.length === 0,
        cases: n,
        skipped: r.skipped,
        ...(r.sharing ? { sharing: r.sharing } : {}),
      },
      [
        `Eksportert ${n} saker.`,
        ...r.skipped.map((s) => `Hoppet over skadet sak ${s.caseId} (${s.code}).`),
        ...(r.sharing ?? []).map(
          (g) => `${sharingLine(g)} (${g.caseIds.length} ${g.caseIds.length === 1 ? 'sak' : 'saker'})`,
        ),
      ].join('\n'),
    );
    return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
  },
};
