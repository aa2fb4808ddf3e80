import type { OpInput } from '../../../shared/contract';
import { samePupil } from '../../../shared/cases/duplicates';
import type { CaseDoc } from '../../../shared/domain/caseDoc';
import { birthDateIssues, futureDateIssues } from '../../../shared/domain/validity';
import { BroError } from '../../../shared/errors';
import { sameName } from '../../../shared/registers/schema';
import { randomId } from '../vault/crypto';
import type { Vault } from '../vault/vault';
import { updateCase } from './update';

/**
 * The case the pupil already has, if any (shared/cases/duplicates.ts): voided cases do not count.
 * The index gives name and school; the few cases with the same name are read for the birth date.
 */
export async function existingCaseOf(
  vault: Vault,
  pupil: OpInput<'cases.create'>['pupil'],
): Promise<{ caseId: string; externalId: string } | null> {
  const { cases } = await vault.listCases();
  for (const c of cases) {
    if (c.voided || !sameName(c.pupil, pupil.name)) continue;
    const state = await vault.fold(c.caseId).catch(() => null);
    if (!state?.opened || state.voided) continue;
    const p = state.doc.pupil;
    if (samePupil(pupil, { name: p?.name ?? '', school: p?.school ?? '', birthDate: p?.birthDate ?? null }))
      return { caseId: c.caseId, externalId: c.externalId };
  }
  return null;
}

/**
 * `cases.create`: the pupil's birth date must fit (shared/domain/validity.ts), and a pupil who
 * already has a case is refused with DUPLICATE_PUPIL (naming that case) unless `allowDuplicate`.
 */
export async function createCase(vault: Vault, input: OpInput<'cases.create'>, today: string) {
  const doc = { pupil: input.pupil } as CaseDoc;
  const issues = [...futureDateIssues(doc, today), ...birthDateIssues(input.pupil, today)];
  if (issues.length) throw new BroError('VALIDATION', 'The pupil is not valid', { issues });
  const { cases } = await vault.listCases();
  const externalId = input.id ?? `sak-${today.slice(0, 4)}-${randomId().slice(0, 6)}`;
  if (cases.some((c) => c.externalId === externalId))
    throw new BroError('CONFLICT', 'A case with this id exists', {
      issues: [{ path: ['id'], code: 'DUPLICATE_ID' }],
    });
  if (!input.allowDuplicate) {
    const twin = await existingCaseOf(vault, input.pupil);
    if (twin)
      throw new BroError('DUPLICATE_PUPIL', 'The pupil already has a case', {
        issues: [{ path: ['pupil', 'name'], code: 'DUPLICATE_PUPIL' }],
        detail: { caseId: twin.caseId },
      });
  }
  const caseId = await vault.createCase();
  await vault.append(caseId, [
    { type: 'case.opened', data: { externalId, service: input.service } },
    { type: 'pupil.recorded', data: { set: input.pupil } },
  ]);
  await vault.audit('case.create', caseId);
  return { caseId, externalId };
}

/** `cases.void`: the case stays with its history, and leaves tasks, statistics, caseload and letters. */
export async function voidCase(vault: Vault, caseId: string, reason: string) {
  const state = await vault.fold(caseId);
  if (!state.opened) throw new BroError('NOT_FOUND', 'No such case');
  if (state.voided)
    throw new BroError('VALIDATION', 'The case is already voided', {
      issues: [{ path: ['caseId'], code: 'CASE_VOIDED' }],
    });
  await vault.append(caseId, [{ type: 'case.voided', data: { reason } }]);
  await vault.audit('case.void', caseId);
  return {};
}

/**
 * The demo's undo examples (issue 12): one referral recorded in the wrong case and voided, and a
 * duplicate case opened for a pupil who already had one, then voided. Neither counts anywhere;
 * both stay in their timelines. Chosen by the cases' own ids, so the same seed gives the same demo.
 */
export async function addVoidedDemoSamples(vault: Vault, today: string): Promise<void> {
  const { cases } = await vault.listCases();
  // Added already (a second `bro demo` on the same vault): the samples are made once.
  if (cases.some((c) => c.voided && c.externalId.endsWith('-duplikat'))) return;
  const sorted = [...cases].sort((a, b) => a.externalId.localeCompare(b.externalId, 'nb', { numeric: true }));
  const withReferral = sorted.filter((c) => c.openReferral || c.status === 'closed');
  const wrong = withReferral[0];
  const twinOf = withReferral[1];
  if (wrong) {
    const { keys } = await updateCase(
      vault,
      wrong.caseId,
      [
        {
          op: 'set',
          entity: 'referrals',
          set: {
            id: 'henv-feil',
            referredBy: 'skole',
            reason: 'Registrert i feil sak',
            received: wrong.openReferral?.received ?? today,
          },
        },
      ],
      today,
    );
    await updateCase(
      vault,
      wrong.caseId,
      [{ op: 'remove', entity: 'referrals', key: keys[0]!, reason: 'Henvisningen gjelder en annen elev.' }],
      today,
    );
  }
  if (twinOf) {
    const pupil = (await vault.fold(twinOf.caseId)).doc.pupil;
    const { caseId } = await createCase(
      vault,
      {
        id: `${twinOf.externalId}-duplikat`, // a fixed id: the same seed gives the same demo
        service: twinOf.service ?? 'PPT',
        pupil: {
          name: pupil.name,
          // Demo pupils always have a school and a grade.
          school: pupil.school!,
          grade: pupil.grade!,
          birthDate: pupil.birthDate ?? null,
        },
        allowDuplicate: true,
      },
      today,
    );
    await voidCase(vault, caseId, `Duplikat: eleven har allerede sak ${twinOf.externalId}.`);
  }
}
