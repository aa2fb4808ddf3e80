import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';

export const vaultCommand: Command = {
  name: 'vault',
  help: [
    ['vault init <mappe>', 'Opprett et nytt saksarkiv (viser gjenopprettingsnøkkelen én gang)'],
    ['vault check <mappe>', 'Dekrypter og kontroller alle filer, bygg indeksen på nytt ved behov'],
  ],
  async run(cli, rest) {
    const [sub, dir] = rest;
    if (sub === 'init') {
      need(rest, 2, 'bro vault init <dir>');
      const passphrase = await cli.secret('passphrase', true);
      const r = await cli.call('vault.create', {
        dir: dir!,
        passphrase,
        ...(cli.flags.name ? { memberName: cli.flags.name } : {}),
      });
      await cli.session.vault?.close();
      cli.print(
        { ok: true, vaultId: r.vaultId, memberId: r.memberId, recoveryKey: r.recoveryKey },
        `Saksarkivet er opprettet.\n\nGjenopprettingsnøkkel (vises bare nå – skriv den ut eller lagre den trygt, atskilt fra maskinen):\n\n  ${r.recoveryKey}\n\nUten passordfrasen og uten denne nøkkelen kan ingen åpne arkivet, heller ikke Bro.`,
      );
      return EXIT.OK;
    }
    if (sub === 'check') {
      need(rest, 2, 'bro vault check <dir>');
      await cli.unlock(dir!);
      const r = await cli.call('vault.check', {});
      await cli.session.vault?.close();
      const lines = [
        r.ok
          ? `Arkivet er i orden: ${r.cases} saker, ${r.events} hendelser, ${r.files} filer kontrollert.`
          : `Fant skader i arkivet (${r.damaged.length} filer):`,
        ...r.damaged.map((d) => `  ${d.code}  ${d.caseId ? `sak ${d.caseId}` : 'arkivfil'}  ${d.file}`),
        ...(r.junk.length
          ? [
              `Filer fra synkroniseringsverktøy eller systemet (ignoreres, kan slettes):`,
              ...r.junk.map((j) => `  ${j}`),
            ]
          : []),
        r.indexRebuilt ? 'Indeksen ble bygget på nytt.' : 'Indeksen var oppdatert.',
      ];
      cli.print(r, lines.join('\n'));
      return r.ok ? EXIT.OK : EXIT.DAMAGED;
    }
    throw new BroError('USAGE', 'bro vault init|check <dir>');
  },
};
