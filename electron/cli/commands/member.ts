import { BroError } from '../../../shared/errors';
import { EXIT, need, type Command } from '../cli';

export const memberCommand: Command = {
  name: 'member',
  help: [
    ['member request <mappe>', 'Be om å bli medlem (på din egen maskin); viser en kode du leser opp'],
    ['member approve <mappe> <kode> --name NAVN', 'Godkjenn en forespørsel etter å ha sammenlignet koden'],
    [
      'member remove <mappe> <medlems-id>',
      'Fjern et medlem: alle nøkler byttes, ingen ny data kan leses med de gamle',
    ],
    ['member list <mappe>', 'Medlemmer og ventende forespørsler'],
    [
      'member rename <mappe> --name NAVN',
      'Sett ditt eget navn (1–200 tegn): det signerer brev og viser hvem som har gjort hva',
    ],
  ],
  async run(cli, rest) {
    const [sub, dir] = rest;
    need(rest, 2, 'bro member request|approve|remove|list|rename <dir>');
    if (sub === 'request') {
      const passphrase = await cli.secret('passphrase', true);
      const r = await cli.call('members.request', { dir: dir!, passphrase });
      cli.print(
        { ok: true, ...r },
        `Forespørselen er lagt i arkivet.\n\nLes denne koden opp for den som skal godkjenne deg (de ser samme kode):\n\n  ${r.code}\n\nNår du er godkjent, åpner du arkivet med passordfrasen du nettopp valgte.`,
      );
      return EXIT.OK;
    }
    if (sub === 'approve') {
      need(rest, 3, 'bro member approve <dir> <code> --name NAME');
      if (!cli.flags.name) throw new BroError('USAGE', '--name is required');
      await cli.unlock(dir!);
      const r = await cli.call('members.approve', { code: rest[2]!, name: cli.flags.name });
      await cli.session.vault?.close();
      cli.print({ ok: true, ...r }, `Godkjent. Det nye medlemmet (${r.memberId}) kan nå åpne arkivet.`);
      return EXIT.OK;
    }
    if (sub === 'remove') {
      need(rest, 3, 'bro member remove <dir> <memberId>');
      await cli.unlock(dir!);
      const r = await cli.call('members.remove', { memberId: rest[2]! });
      await cli.session.vault?.close();
      cli.print(
        { ok: true, ...r },
        `Medlemmet er fjernet. Hovednøkkelen og nøklene til ${r.cases} saker er byttet; gjenopprettingsnøkkelen virker fortsatt.`,
      );
      return EXIT.OK;
    }
    if (sub === 'list') {
      await cli.unlock(dir!);
      const r = await cli.call('members.list', {});
      await cli.session.vault?.close();
      const lines = [
        'Medlemmer:',
        ...r.members.map(
          (m) =>
            `  ${m.memberId}  ${m.name || '(uten navn)'}${m.me ? '  (deg)' : ''}${m.active ? '' : '  – fjernet'}`,
        ),
        r.requests.length
          ? 'Ventende forespørsler (sammenlign koden før du godkjenner):'
          : 'Ingen ventende forespørsler.',
        ...r.requests.map((q) => `  kode ${q.code}  fra ${q.created}`),
      ];
      cli.print(r, lines.join('\n'));
      return EXIT.OK;
    }
    if (sub === 'rename') {
      if (cli.flags.name === undefined) throw new BroError('USAGE', 'bro member rename <dir> --name NAME');
      await cli.unlock(dir!);
      const r = await cli.call('members.rename', { name: cli.flags.name });
      await cli.session.vault?.close();
      cli.print({ ok: true, ...r }, `Navnet ditt i arkivet er nå «${r.name}».`);
      return EXIT.OK;
    }
    throw new BroError('USAGE', 'bro member request|approve|remove|list|rename <dir>');
  },
};
