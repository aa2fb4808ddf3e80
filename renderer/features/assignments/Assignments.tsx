import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { SERVICES } from '../../../shared/domain/common';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { Empty, Modal } from '../../app/ui';
import { refresh, type CaseData } from '../cases/useCase';
import { useCaseworkerNames } from '../registers/Registers';

const BASE: FieldSpec[] = [
  { name: 'caseworker', kind: 'text', required: true },
  { name: 'role', kind: 'text', required: true },
  { name: 'service', kind: 'select', options: SERVICES },
  { name: 'from', kind: 'date', required: true },
  { name: 'reason', kind: 'text', required: true, wide: true },
];
const HANDOVER: FieldSpec[] = [
  { name: 'handoverNote.status', kind: 'textarea', required: true },
  { name: 'handoverNote.openPromises', kind: 'textarea' },
  { name: 'handoverNote.nextDeadlines', kind: 'textarea' },
  { name: 'handoverNote.familyWishes', kind: 'textarea' },
];

/** Who has had the case, from when to when, with the handover notes; a change needs a note. */
export function AssignmentsPanel({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [changing, setChanging] = useState(false);
  // Picked from the register (members and colleagues); a new name typed here joins it.
  const names = useCaseworkerNames();
  const base = BASE.map((f) => (f.name === 'caseworker' ? { ...f, suggestions: names } : f));
  const list = [...(data.doc.assignments ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  const open = list.some((a) => a.to == null);
  // Gaps: days between one assignment's end and the next one's start.
  const gaps = list.slice(1).flatMap((a, i) => {
    const prev = list[i]!;
    return prev.to && prev.to < a.from ? [{ from: prev.to, to: a.from }] : [];
  });
  return (
    <section className="panel" aria-labelledby="asg-title">
      <div className="panel-head">
        <h2 id="asg-title">{t('case.tab.assignments')}</h2>
        <button type="button" className="primary" onClick={() => setChanging(true)}>
          {open ? t('asg.change') : t('asg.first')}
        </button>
      </div>
      <p className="muted">{t('asg.changes', { n: Math.max(0, list.length - 1) })}</p>
      {!open && <p className="warn">{t('asg.none')}</p>}
      {list.length === 0 ? (
        <Empty>–</Empty>
      ) : (
        <ol className="cards">
          {list.map((a, i) => (
            <li key={i} className={`card${a.to == null ? ' current' : ''}`}>
              <h3>
                {a.caseworker} · {a.role}
                {a.service ? ` · ${a.service}` : ''}
                {a.to == null && <span className="badge ok">{t('asg.current')}</span>}
              </h3>
              <p>
                {nbDate(a.from)} – {a.to ? nbDate(a.to) : ''}
                {a.reason ? ` · ${a.reason}` : ''}
              </p>
              {a.handoverNote && typeof a.handoverNote === 'object' && (
                <details>
                  <summary>{t('asg.handover')}</summary>
                  <dl className="facts-grid">
                    {(['status', 'openPromises', 'nextDeadlines', 'familyWishes'] as const).map((k) => (
                      <div key={k} className="contents">
                        <dt>{t(`f.assignments.handoverNote.${k}`)}</dt>
                        <dd>{a.handoverNote?.[k] ?? '–'}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      {gaps.map((g) => (
        <p key={g.from} className="warn">
          {t('asg.gap', { from: nbDate(g.from), to: nbDate(g.to) })}
        </p>
      ))}
      {changing && (
        <Modal title={open ? t('asg.change') : t('asg.first')} onClose={() => setChanging(false)}>
          {open && <p className="hint">{t('asg.handoverLead')}</p>}
          <EntityForm
            entity="assignments"
            fields={open ? [...base, ...HANDOVER] : base}
            initial={{ from: todayIso(), service: data.doc.service }}
            isNew
            skip={(p) => (p[0] === 'changes' || p[0] === 'case' ? 3 : 0)}
            onCancel={() => setChanging(false)}
            onSubmit={async (set) => {
              await api['assignments.change']({ caseId, ...(set as object) } as never);
              await refresh(qc, caseId);
              await qc.invalidateQueries({ queryKey: ['registers'] });
              await qc.invalidateQueries({ queryKey: ['tasks'] });
              setChanging(false);
            }}
          />
        </Modal>
      )}
    </section>
  );
}
