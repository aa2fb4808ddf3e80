// Runs two jobs on a built helper thread (`case-worker.mjs` beside a bundle, see
// electron/services/vault/case-helper.ts): proves the bundle carries the thread and that the
// thread's code (the content rule, the fold, the summary rules) loads and answers.
import { expect } from 'vitest';
import { summaryRules } from '../../../shared/cases/summary';
import { CaseHelper, bundledEntry } from '../../../electron/services/vault/case-helper';

/** `file`: where the bundle's thread is (inside a folder named `app.asar`, it is run as the packaged app runs it). */
export async function expectWorkerRuns(file: string): Promise<void> {
  const entry = bundledEntry(file);
  expect(entry).not.toBeNull();
  const helper = new CaseHelper(() => entry, 1);
  helper.prepare(1);
  expect(await helper.ready()).toBe(true);
  const rules = summaryRules('2026-12-01');
  const caseId = 'x'.repeat(26);
  const plain = new TextEncoder().encode('{"events":[]}');
  const at = { kind: 'pack' as const, caseId, id: 'y'.repeat(26) };
  expect(await helper.summarize(caseId, [], rules)).toEqual({ n: 1, summary: null, newest: '', bad: [] });
  expect(
    ((await helper.summarize(caseId, [{ file: 'packs/p', plain, at }], rules)) as { bad: string[] }).bad,
  ).toEqual(['packs/p']);
  expect(helper.handled).toBe(2);
  await helper.stop();
}
