import { readFile } from 'node:fs/promises';
import { BroError } from '../../../shared/errors';
import { EXIT, need, readJsonFile, type Command } from '../cli';
import { outputFormat, reportOptions, reportTexts } from './report';
import { needOption, settingsFromFlags, writeOutput } from './waiting-io';

const USAGE =
  'bro metrics export <dir> --from DATE --to DATE --out FILE | key <dir> | merge FILE... --trust JWKS';

async function readBundle(file: string, i: number): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new BroError('IO', 'Could not read a metrics file', {
      issues: [{ path: ['bundles', i], code: 'NOT_FOUND' }],
      detail: { reason: 'READ' },
    });
  }
}

export const metricsCommand: Command = {
  name: 'metrics',
  help: [
    [
      'metrics export <mappe> --from DATO --to DATO --out FIL',
      'Signerte, avidentifiserte nøkkeltall (JWS) for ledere',
    ],
    [
      'metrics key <mappe> [--out FIL]',
      'Arkivets offentlige nøkkel (JWKS) til lederens liste over godkjente arkiv',
    ],
    [
      'metrics merge FIL... --trust JWKS',
      'Kontroller signaturene og lag en samlet rapport [--format json|pdf] [--out FIL] [--by …] [--workdays]',
    ],
  ],
  async run(cli, rest) {
    const [sub, ...args] = rest;
    if (sub === 'export') {
      need(args, 1, USAGE);
      const from = needOption(cli.flags.from, USAGE);
      const to = needOption(cli.flags.to, USAGE);
      const out = needOption(cli.flags.out, 'bro metrics export needs --out FILE');
      const input = { from, to, ...(await settingsFromFlags(cli)) };
      await cli.unlock(args[0]!);
      const r = await cli.call('metrics.export', input);
      await cli.session.vault?.close();
      // SECURITY: de-identified rows only (no names, birth dates, free text or school names), signed.
      const file = await writeOutput(out, r.jws + '\n');
      cli.print(
        { ok: true, file, kid: r.kid, rows: r.rows, skipped: r.skipped },
        [
          `Skrev ${r.rows} rader til ${file}, signert med arkivets nøkkel ${r.kid}.`,
          ...r.skipped.map((s) => `Hoppet over skadet sak ${s.caseId} (${s.code}).`),
        ].join('\n'),
      );
      return r.skipped.length ? EXIT.DAMAGED : EXIT.OK;
    }
    if (sub === 'key') {
      need(args, 1, USAGE);
      await cli.unlock(args[0]!);
      const r = await cli.call('metrics.key', {});
      await cli.session.vault?.close();
      const text = JSON.stringify(r.jwks, null, 2) + '\n';
      if (cli.flags.out) {
        const file = await writeOutput(cli.flags.out, text);
        cli.print({ ok: true, file, kid: r.kid }, `Skrev nøkkelen ${r.kid} til ${file}.`);
      } else cli.io.out(text);
      return EXIT.OK;
    }
    if (sub === 'merge') {
      need(args, 1, USAGE);
      const trustFile = needOption(
        cli.flags.trust,
        'bro metrics merge needs --trust FILE (a JWKS of the vault keys you accept)',
      );
      const format = outputFormat(cli, ['json', 'pdf']);
      const bundles = await Promise.all(args.map(readBundle));
      const trust = await readJsonFile(trustFile);
      const r = await cli.call('metrics.merge', {
        bundles,
        trust,
        ...reportOptions(cli),
        format,
        ...(await settingsFromFlags(cli)),
      });
      const json = {
        ...r.report,
        sources: r.sources,
        ...(r.measures ? { measures: r.measures } : {}),
        ...(r.outcomes ? { outcomes: r.outcomes } : {}),
      };
      let file: string | undefined;
      if (cli.flags.out)
        file = await writeOutput(
          cli.flags.out,
          r.file ? Buffer.from(r.file.base64, 'base64') : JSON.stringify(json, null, 2) + '\n',
        );
      const { measuresText, outcomesText, reportText } = await reportTexts();
      cli.print(
        { ...json, ...(file ? { out: { file, format } } : {}) },
        [
          `Samlet fra ${r.sources.length} signerte filer (${r.sources.reduce((n, s) => n + s.rows, 0)} rader).`,
          reportText(r.report),
          ...(r.measures ? ['', measuresText(r.measures)] : []),
          ...(r.outcomes ? ['', outcomesText(r.outcomes)] : []),
          ...(file ? ['', `Skrev ${file} (${format}).`] : []),
        ].join('\n'),
      );
      return EXIT.OK;
    }
    throw new BroError('USAGE', USAGE);
  },
};
