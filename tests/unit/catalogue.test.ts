// The catalogue of measures and the case's school side (issue 13 items 2, 6, 7) through the
// contract (`call`, the path every door uses) on real vaults in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE_SEED, measureFromCatalogue } from '../../shared/catalogue/catalogue';
import type { CaseDoc } from '../../shared/domain/caseDoc';
import { BroError } from '../../shared/errors';
import { call, createHandlers } from '../../electron/services/handlers';
import { Session } from '../../electron/services/session';
import { completeSchoolFactors } from '../../shared/letters/letters.fixture';

const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PASS = 'syntetisk passord';
const TODAY = '2026-11-20';
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

async function fresh() {
  const root = mkdtempSync(path.join(tmpdir(), 'bro-catalogue-'));
  roots.push(root);
  const dir = path.join(root, 'v');
  const h = createHandlers(new Session({ kdf: FAST, today: TODAY }));
  await call(h, 'vault.create', { dir, passphrase: PASS, memberName: 'Ola Hansen' });
  return { dir, h };
}

async function reopen(dir: string) {
  const h = createHandlers(new Session({ kdf: FAST, today: TODAY }));
  await call(h, 'vault.unlock', { dir, passphrase: PASS });
  return h;
}

async function errorOf(p: Promise<unknown>): Promise<BroError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BroError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('the catalogue of measures', () => {
  it('is seeded with the study’s repertoire once, kept in the vault, and editable', async () => {
    const { dir, h } = await fresh();
    expect((await call(h, 'registers.get', {})).catalogue).toEqual([]);
    expect(await call(h, 'registers.seedCatalogue', {})).toEqual({ added: 12 });
    // Again: nothing new.
    expect(await call(h, 'registers.seedCatalogue', {})).toEqual({ added: 0 });

    const h2 = await reopen(dir);
    const cat = (await call(h2, 'registers.get', {})).catalogue;
    expect(cat.map((e) => e.name).sort()).toEqual(CATALOGUE_SEED.map((s) => s.name).sort());
    const flex = cat.find((e) => e.code === 'fleksibel-oppstart')!;
    expect(flex).toMatchObject({
      name: 'Fleksibel oppstart',
      level: 'indikert',
      target: 'elev',
      predictable: true,
      masteryOriented: true,
    });
    expect(flex.text).toMatch(/starter skoledagen/);

    // The service edits an entry and adds its own; a new entry gets a code from its name.
    await call(h2, 'registers.record', {
      register: 'catalogue',
      id: flex.id,
      set: { frequency: 'mandag, onsdag og fredag' },
    });
    const own = await call(h2, 'registers.record', {
      register: 'catalogue',
      set: {
        name: 'Skolevei med venn',
        text: 'En medelev går til skolen sammen med eleven.',
        level: 'selektivt',
        target: 'skolemiljø',
        predictable: true,
        masteryOriented: false,
      },
    });
    // A removed entry leaves the catalogue (its history stays).
    const pause = cat.find((e) => e.code === 'pauseavtale')!;
    await call(h2, 'registers.remove', { register: 'catalogue', id: pause.id });

    const h3 = await reopen(dir);
    const after = (await call(h3, 'registers.get', {})).catalogue;
    expect(after.find((e) => e.id === flex.id)?.frequency).toBe('mandag, onsdag og fredag');
    expect(after.find((e) => e.id === own.id)).toMatchObject({
      code: 'skolevei-med-venn',
      level: 'selektivt',
    });
    expect(after.some((e) => e.id === pause.id)).toBe(false);
    expect(after).toHaveLength(12);
  });

  it('refuses an invalid or duplicate entry with the field named, and writes nothing', async () => {
    const { h } = await fresh();
    await call(h, 'registers.seedCatalogue', {});
    const before = (await call(h, 'registers.get', {})).catalogue;
    const bad = await errorOf(
      call(h, 'registers.record', {
        register: 'catalogue',
        set: {
          name: 'Nytt tiltak',
          text: 'Noe',
          level: 'kanskje',
          target: 'elev',
          predictable: true,
          masteryOriented: true,
        },
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.issues.map((i) => i.path.join('.'))).toEqual(['set.level']);
    const missing = await errorOf(
      call(h, 'registers.record', {
        register: 'catalogue',
        set: { name: 'Uten tekst', level: 'universelt' },
      }),
    );
    expect(missing.issues.map((i) => i.path.join('.')).sort()).toEqual(
      ['set.masteryOriented', 'set.predictable', 'set.target', 'set.text'].sort(),
    );
    const dup = await errorOf(
      call(h, 'registers.record', {
        register: 'catalogue',
        set: { ...CATALOGUE_SEED[0], name: 'fleksibel  OPPSTART', code: null },
      }),
    );
    expect(dup.issues).toEqual([expect.objectContaining({ path: ['set', 'name'], code: 'DUPLICATE_NAME' })]);
    expect((await call(h, 'registers.get', {})).catalogue).toEqual(before);
  });

  it('a measure planned from it keeps the entry’s code and the new fields', async () => {
    const { dir, h } = await fresh();
    await call(h, 'registers.seedCatalogue', {});
    const entry = (await call(h, 'registers.get', {})).catalogue.find((e) => e.code === 'henting-hjemme')!;
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: { name: 'Áile Nango', school: 'Hov skole', grade: 7 },
    });
    const prefill = measureFromCatalogue(entry);
    await call(h, 'cases.update', {
      caseId,
      changes: [
        {
          op: 'set',
          entity: 'recommendations',
          set: {
            ...prefill,
            id: 'tiltak-1',
            label: 'Anbefaling',
            responsible: { role: 'miljøterapeut', name: 'Kari Håland' },
            leader: { role: 'rektor', name: 'Anne Dahl' },
            start: '2026-11-23',
            goal: 'Eleven er på skolen fire av fem dager innen jul.',
            evaluation: { date: '2026-12-18', method: 'Samtale og fraværstall', convenedBy: 'rektor' },
            planningHours: { perWeek: 1.5, grantedBy: { role: 'rektor', name: 'Anne Dahl' } },
            parentsInPlanning: true,
            parentsInChoice: false,
          },
        },
        {
          op: 'set',
          entity: 'case',
          set: {
            mainGoal: { text: 'Tilbake på skolen', targetAttendance: 90 },
            schoolFactors: completeSchoolFactors(),
            schoolUnderstanding: 'Skolen ser at morgenen er vanskelig.',
            parentsUnderstanding: 'Vi ser at eleven gruer seg til friminuttene.',
          },
        },
        {
          op: 'set',
          entity: 'barriers',
          set: { date: '2026-11-10', level: 'skoleledelse', note: 'Ingen timer til planlegging.' },
        },
      ],
    });
    const doc = (await call(await reopen(dir), 'cases.get', { caseId })).doc as CaseDoc;
    expect(doc.recommendations![0]).toMatchObject({
      catalogueId: 'henting-hjemme',
      what: entry.text,
      level: 'indikert',
      predictable: true,
      masteryOriented: false,
      planningHours: { perWeek: 1.5, grantedBy: { role: 'rektor', name: 'Anne Dahl' } },
      parentsInPlanning: true,
      parentsInChoice: false,
    });
    expect(doc.mainGoal).toEqual({ text: 'Tilbake på skolen', targetAttendance: 90 });
    expect(doc.schoolFactors?.stoyOgUro).toEqual(completeSchoolFactors().stoyOgUro);
    expect(doc.barriers).toEqual([
      { date: '2026-11-10', level: 'skoleledelse', note: 'Ingen timer til planlegging.' },
    ]);
  });

  it('refuses a bad school side with the field named, and writes nothing', async () => {
    const { h } = await fresh();
    const { caseId } = await call(h, 'cases.create', {
      service: 'PPT',
      pupil: { name: 'Áile Nango', school: 'Hov skole', grade: 7 },
    });
    const before = (await call(h, 'cases.get', { caseId })).history.length;
    for (const change of [
      { op: 'set', entity: 'case', set: { mainGoal: { text: 'Tilbake', targetAttendance: 120 } } },
      { op: 'set', entity: 'case', set: { schoolFactors: { mobbing: { assessed: 'litt' } } } },
      { op: 'set', entity: 'case', set: { schoolFactors: { stoy: { assessed: 'ukjent' } } } },
      { op: 'set', entity: 'barriers', set: { date: '2026-11-10', level: 'rektor', note: 'x' } },
      { op: 'set', entity: 'barriers', set: { date: '2099-01-01', level: 'hjem', note: 'x' } },
    ] as const) {
      const e = await errorOf(call(h, 'cases.update', { caseId, changes: [change] }));
      expect(e.code).toBe('VALIDATION');
      expect(e.issues.length).toBeGreaterThan(0);
    }
    expect((await call(h, 'cases.get', { caseId })).history).toHaveLength(before);
  });
});
