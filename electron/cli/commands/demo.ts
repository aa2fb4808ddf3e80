import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';
import { isBroError } from '../../../shared/errors';

export const demoCommand: Command = {
  name: 'demo',
  help: [['demo <mappe> --cases N --seed S', 'Syntetiske demodata (oppretter arkivet om det mangler)']],
  async run(cli, rest) {
    need(rest, 1, 'bro demo <dir> --cases N --seed S');
    const dir = rest[0]!;
    const cases = Number(cli.flags.cases ?? '20');
    if (!Number.isInteger(cases) || cases < 1 || cases > 50_000)
      throw new BroError('USAGE', '--cases must be 1–50000');
    let recoveryKey: string | undefined;
    try {
      const { readVaultHeader } = await import('../../services/vault/sealed-files');
      await readVaultHeader(dir);
      await cli.unlock(dir);
    } catch (e) {
      if (!(isBroError(e) && e.code === 'VAULT_NOT_FOUND')) throw e;
      // A demo vault's member gets a synthetic name, so the demo's letters (its avslutningsbrev) can be
      // signed and the demo opens with no findings.
      const r = await cli.call('vault.create', {
        dir,
        passphrase: await cli.secret('passphrase', true),
        memberName: 'Demo Saksbehandler',
      });
      recoveryKey = r.recoveryKey;
    }
    let r;
    try {
      r = await cli.call('demo.create', {
        cases,
        seed: cli.flags.seed ?? 'bro',
        ...(cli.flags.today ? { today: cli.flags.today } : {}),
      });
    } catch (e) {
      // The vault exists now: its recovery key must not be lost with the error.
      if (recoveryKey) cli.io.err(`Demoarkivet ble opprettet. Gjenopprettingsnøkkel: ${recoveryKey}\n`);
      throw e;
    }
    await cli.session.vault?.close();
    cli.print(
      { ok: true, ...r, ...(recoveryKey ? { recoveryKey } : {}) },
      [
        ...(recoveryKey ? [`Nytt demoarkiv. Gjenopprettingsnøkkel: ${recoveryKey}`] : []),
        `Demodata (syntetiske, ingen ekte personer): ${r.created} nye saker, ${r.updated} endret, ${r.unchanged} uendret.`,
      ].join('\n'),
    );
    return EXIT.OK;
  },
};
