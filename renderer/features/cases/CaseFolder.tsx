import type { Attachment } from '../../../shared/attachments/document';
import type { IssuedLetter } from '../../../shared/letters/events';
import * as Tabs from '@radix-ui/react-tabs';
import { BroError } from '../../../shared/errors';
import { AbsencePanel } from '../absence/Absence';
import { AssignmentsPanel } from '../assignments/Assignments';
import { ConsentsPanel } from '../consents/Consents';
import { InnsynPanel, LogPanel } from '../innsyn/Innsyn';
import { ArchivePanel } from '../archive/Archive';
import { DispatchPanel } from '../dispatch/Dispatch';
import { DocumentsPanel } from '../documents/Documents';
import { LettersPanel } from '../letters/Letters';
import { MeasuresPanel } from '../measures/Measures';
import { MeetingsPanel } from '../meetings/Meetings';
import { NotesPanel } from '../notes/Notes';
import { ReferralsPanel } from '../referrals/Referrals';
import { useI18n, type TextKey } from '../../app/i18n';
import { go, href } from '../../app/router';
import { ErrorBox } from '../../app/ui';
import { PupilPanel } from './Pupil';
import { CaseDelete } from './Delete';
import { CaseVoid, Findings } from './Findings';
import { Timeline } from './Timeline';
import { useCase, type CaseData } from './useCase';
import { VoicesPanel } from './Voices';
import { SchoolPanel } from '../school/School';
import { PathwayPanel } from '../pathway/Pathway';
import { AccessPanel, RestrictedCase } from '../access/Access';

const TABS = [
  'timeline',
  'notes',
  'referrals',
  'assignments',
  'measures',
  'meetings',
  'consents',
  'absence',
  'voices',
  'school',
  'path',
  'letters',
  'pupil',
  'documents',
  'innsyn',
  'log',
  'access',
] as const;
type Tab = (typeof TABS)[number];

/** One pupil's case: a header and a tab per part; the timeline first, because it shows everything. */
export function CaseFolder({ caseId, tab, sub }: { caseId: string; tab: string; sub?: string | undefined }) {
  const { t, error } = useI18n();
  const c = useCase(caseId);
  const current: Tab = (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'timeline';

  if (c.error) {
    const e = c.error instanceof BroError ? c.error : null;
    const file = typeof e?.detail?.file === 'string' ? e.detail.file : null;
    return (
      <section className="folder" aria-labelledby="case-title">
        <a className="back" href={href({ name: 'cases' })}>
          ← {t('case.back')}
        </a>
        {e?.code === 'RESTRICTED' ? (
          <RestrictedCase caseId={caseId} />
        ) : e?.code === 'TAMPERED' ? (
          <div className="damaged" role="alert">
            <h1 id="case-title">{t('case.damagedTitle')}</h1>
            <p>{t('case.damaged')}</p>
            {file && <p className="mono">{t('case.damagedFile', { file })}</p>}
          </div>
        ) : (
          <ErrorBox>
            <h1 id="case-title">{e ? error(e.code) : error('INTERNAL')}</h1>
          </ErrorBox>
        )}
      </section>
    );
  }
  if (!c.data)
    return (
      <p className="splash" role="status">
        {t('app.loading')}
      </p>
    );
  const data: CaseData = c.data;
  const s = data.summary;
  return (
    <section className="folder" aria-labelledby="case-title">
      <a className="back" href={href({ name: 'cases' })}>
        ← {t('case.back')}
      </a>
      <header className="folder-head">
        <h1 id="case-title">{s.pupil || s.externalId}</h1>
        <p className="facts">
          <span>{s.school}</span>
          {s.grade != null ? (
            <span>{s.grade === 0 ? t('case.grade0') : t('case.grade', { n: s.grade })}</span>
          ) : null}
          <span>{s.service}</span>
          <span>{t(`status.${s.status}`)}</span>
          <span>{t('case.caseworker', { name: s.caseworker ?? t('list.noCaseworker') })}</span>
          <span className="mono">{s.externalId}</span>
        </p>
        <div className="folder-actions">
          <CaseVoid caseId={caseId} data={data} />
          <CaseDelete
            caseId={caseId}
            pupil={s.pupil ?? ''}
            externalId={s.externalId}
            letters={(data.letters ?? []) as IssuedLetter[]}
            attachments={(data.attachments ?? []) as Attachment[]}
          />
        </div>
      </header>
      <Findings caseId={caseId} data={data} />
      <Tabs.Root
        value={current}
        onValueChange={(v) => go({ name: 'case', caseId, tab: v })}
        activationMode="manual"
      >
        <Tabs.List className="tabs" aria-label={t('case.tabs')}>
          {TABS.map((k) => (
            <Tabs.Trigger key={k} value={k} className="tab">
              {t(`case.tab.${k}` as TextKey)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value={current} className="tab-panel">
          {current === 'timeline' && <Timeline data={data} />}
          {current === 'notes' && <NotesPanel caseId={caseId} data={data} />}
          {current === 'referrals' && <ReferralsPanel caseId={caseId} data={data} />}
          {current === 'assignments' && <AssignmentsPanel caseId={caseId} data={data} />}
          {current === 'measures' && <MeasuresPanel caseId={caseId} data={data} sub={sub} />}
          {current === 'meetings' && <MeetingsPanel caseId={caseId} data={data} />}
          {current === 'consents' && <ConsentsPanel caseId={caseId} data={data} />}
          {current === 'absence' && <AbsencePanel caseId={caseId} data={data} />}
          {current === 'voices' && <VoicesPanel caseId={caseId} data={data} />}
          {current === 'school' && <SchoolPanel caseId={caseId} data={data} />}
          {current === 'path' && <PathwayPanel caseId={caseId} data={data} />}
          {current === 'letters' && <LettersPanel caseId={caseId} data={data} sub={sub} />}
          {current === 'letters' && !sub && <DispatchPanel caseId={caseId} data={data} />}
          {current === 'letters' && !sub && <ArchivePanel caseId={caseId} data={data} />}
          {current === 'documents' && <DocumentsPanel caseId={caseId} data={data} />}
          {current === 'innsyn' && <InnsynPanel caseId={caseId} data={data} />}
          {current === 'pupil' && <PupilPanel caseId={caseId} data={data} />}
          {current === 'log' && <LogPanel caseId={caseId} />}
          {current === 'access' && <AccessPanel caseId={caseId} />}
        </Tabs.Content>
      </Tabs.Root>
    </section>
  );
}
