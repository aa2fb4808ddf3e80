// A writer that is killed with SIGKILL at a random moment by tests/unit/faults/crash.test.ts.
// It alternates imports of new cases and edits of existing ones, and prints one line per write
// only after the write returned (durable): `E <eventId>` for an edit, `C <externalId>` for an import.
import { updateCase } from '../../../electron/services/cases/update';
import { importInterchange } from '../../../electron/services/interchange/importer';
import { Vault } from '../../../electron/services/vault/vault';

const [dir, passphrase, worker] = process.argv.slice(2) as [string, string, string];
// Every second record of a log compacts the case (the rule's count is 64 in use), so that the
// kills also land in compactions (docs/VAULT-FORMAT.md §13).
const vault = await Vault.unlock(dir, { passphrase }, { compactAfter: 2 });
const ack = (line: string) => process.stdout.write(line + '\n');
const { cases } = await vault.listCases();
ack('READY'); // the killer starts its clock here, so kills land during work on a slow machine too
for (let i = 0; ; i++) {
  if (i % 2 === 0) {
    const id = `k-${worker}-${i}`;
    await importInterchange(vault, {
      format: 'bro-interchange/1',
      cases: [
        {
          id,
          service: 'PPT',
          pupil: { name: `Elev ${worker} ${i}`, school: 'Hov skole', grade: 5 },
          referrals: [{ id: 'r-1', referredBy: 'skole', reason: 'fravær', received: '2026-02-02' }],
        },
      ],
    });
    ack(`C ${id}`);
  } else {
    const target = cases[i % cases.length]!;
    const before = (await vault.readCase(target.caseId)).length;
    await updateCase(vault, target.caseId, [
      { op: 'set', entity: 'case', set: { parentsView: `runde ${worker}/${i}` }, reason: 'test' },
    ]);
    const after = await vault.readCase(target.caseId);
    for (const e of after.slice(before)) ack(`E ${e.id}`);
  }
}
