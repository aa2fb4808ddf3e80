import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Issue } from '../../../shared/errors';
import { api } from '../../api';
import { nbDateTime } from '../../app/format';
import { fieldLabel, useI18n, type TextKey } from '../../app/i18n';
import { href } from '../../app/router';
import { Modal } from '../../app/ui';
import { useAuthorName } from '../registers/people';
import { refresh, type CaseData } from './useCase';
import { VoidForm } from './Void';

/** The tab that shows a collection (findings name where to correct them). */
const TAB: Record<string, string> = {
  referrals: 'referrals',
  recommendations: 'measures',
  meetings: 'meetings',
  consents: 'consents',
  absence: 'absence',
  assignments: 'assignments',
  pupil: 'pupil',
  accessRequests: 'innsyn',
  guardians: 'pupil',
  concernReports: 'voices',
  proposals: 'voices',
  voices: 'voices',
  hearings: 'voices',
};

/** «Henvisninger 1: Mottatt kan ikke være etter dagens dato (05.12.2026) …» */
function findingText(
  t: ReturnType<typeof useI18n>['t'],
  issue: ReturnType<typeof useI18n>['issue'],
  f: Issue,
) {
  const [coll, i, ...rest] = f.path;
  const tab = TAB[String(coll)] ?? 'timeline';
  const where = typeof i === 'number' ? `${t(`case.tab.${tab}` as TextKey)} ${i + 1}` : t('case.tab.pupil');
  const field = typeof i === 'number' ? rest : [i, ...rest];
  const entity = coll === 'recommendations' && rest[0] === 'evaluations' ? 'evaluations' : String(coll);
  const name = String(field[field.length - 1] ?? '');
  return { where, tab, text: `${fieldLabel(t, entity, name)} ${issue(f.code, f.limit)}` };
}

/**
 * What the case holds that cannot be right (shared/domain/validity.ts), recorded before Bro
 * checked it: listed on the case, each with a link to the tab that corrects it. The figures
 * already leave these values out (shared/waiting/records.ts).
 */
export function Findings({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t, issue } = useI18n();
  const findings = (data.findings ?? []) as Issue[];
  if (findings.length === 0) return null;
  return (
    <section className="panel findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('findings.title')}</h2>
      <p>{t('findings.lead')}</p>
      <ul>
        {findings.map((f, n) => {
          const x = findingText(t, issue, f);
          return (
            <li key={n}>
              <a href={href({ name: 'case', caseId, tab: x.tab })}>{x.where}</a>: {x.text}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The voided case's banner (why, who, when), or the button that voids it. */
export function CaseVoid({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const author = useAuthorName();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  if (data.voided)
    return (
      <p className="voided-banner" role="status">
        {t('case.voidedBanner', {
          date: nbDateTime(data.voided.at),
          actor: author(data.voided.actor),
          reason: data.voided.reason,
        })}
      </p>
    );
  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('void.caseButton')}
      </button>
      {open && (
        <Modal title={t('void.caseTitle')} onClose={() => setOpen(false)}>
          <VoidForm
            lead={t('void.caseLead')}
            onCancel={() => setOpen(false)}
            onVoid={async (reason) => {
              await api['cases.void']({ caseId, reason });
              await refresh(qc, caseId);
              setOpen(false);
            }}
          />
        </Modal>
      )}
    </>
  );
}
