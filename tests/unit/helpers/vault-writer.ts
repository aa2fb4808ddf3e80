// A separate process that writes to a shared vault folder: one event to a shared case and one
// new case per round. Prints the ids of every event whose write returned (acknowledged).
import { Vault } from '../../../electron/services/vault/vault';

const [dir, passphrase, sharedCase, worker, rounds] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const vault = await Vault.unlock(dir, { passphrase });
const ids: string[] = [];
for (let i = 0; i < Number(rounds); i++) {
  const [ev] = await vault.append(sharedCase, [
    { type: 'case.recorded', data: { set: { parentsView: `skriver ${worker} runde ${i}` } } },
  ]);
  ids.push(ev!.id);
  const c = await vault.createCase();
  const [opened] = await vault.append(c, [
    { type: 'case.opened', data: { externalId: `w${worker}-${i}`, service: 'BUP' } },
  ]);
  ids.push(opened!.id);
}
await vault.close();
process.stdout.write(JSON.stringify({ ids }));
