import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { SERVICES } from '../../../shared/domain/common';
import { api } from '../../api';
import { EntityForm, type FieldSpec } from '../../app/forms';
import { nbDate, todayIso } from '../../app/format';
import { useI18n, type TextKey } from '../../app/i18n';
import { go, href } from '../../app/router';
import { ErrorBox, Modal } from '../../app/ui';
import { useKeptState } from '../../app/viewState';
import { filterRows, sortRows, toRows, type Filters, type Row, type SortDir, type SortKey } from './rows';
import { BroError } from '../../../shared/errors';
import { useSchoolNames } from '../registers/Registers';

const COLUMNS: { key: SortKey; label: TextKey }[] = [
  { key: 'pupil', label: 'list.col.pupil' },
  { key: 'school', label: 'list.col.school' },
  { key: 'service', label: 'list.col.service' },
  { key: 'waited', label: 'list.col.waited' },
  { key: 'deadline', label: 'list.col.deadline' },
  { key: 'caseworker', label: 'list.col.caseworker' },
];

export function useCases() {
  return useQuery({ queryKey: ['cases'], queryFn: () => api['cases.list']({ includeVoided: true }) });
}

export function CaseList() {
  const { t, error } = useI18n();
  const list = useCases();
  const today = todayIso();
  // Search, filters and sort survive leaving the list and coming back (Back, a link, Alt+1).
  const [filters, setFilters] = useKeptState<Filters>('case-list.filters', {
    query: '',
    service: '',
    status: '',
    overdue: false,
    mine: false,
  });
  const [sort, setSort] = useKeptState<{ key: SortKey; dir: SortDir }>('case-list.sort', {
    key: 'waited',
    dir: 'descending',
  });
  const [creating, setCreating] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const focusRow = useRef<((index: number) => void) | null>(null);

  const rows = useMemo(() => toRows(list.data?.cases ?? [], today), [list.data, today]);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const shown = useMemo(() => filterRows(sorted, filters), [sorted, filters]);
  const damaged = list.data?.damaged ?? [];

  // `/` moves to the search, unless the key is typed into a text field or a dialog is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTextField(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  // Voided cases are counted only under their own status filter, as they are shown.
  const total = rows.filter((r) => (filters.status === 'voided') === r.s.voided).length;
  return (
    <section className="case-list" aria-labelledby="list-title">
      <div className="page-head">
        <h1 id="list-title">{filters.mine ? t('list.mineTitle') : t('list.title')}</h1>
        <div className="head-actions">
          <button type="button" aria-pressed={filters.mine} onClick={() => set({ mine: !filters.mine })}>
            {t('list.mine')}
          </button>
          <a className="button" href={href({ name: 'tasks', mine: true })}>
            {t('list.myTasks')}
          </a>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('list.new')}
          </button>
        </div>
      </div>
      <div className="filters" role="search">
        <div className="field search">
          <label htmlFor="case-search">{t('list.search')}</label>
          <input
            id="case-search"
            ref={search}
            type="search"
            value={filters.query}
            placeholder={t('list.searchHint')}
            aria-describedby="case-count"
            onChange={(e) => set({ query: e.target.value })}
            onKeyDown={(e) => {
              // ↓ enters the results: the first row's link.
              if (e.key === 'ArrowDown' && shown.length > 0) {
                e.preventDefault();
                focusRow.current?.(0);
              }
            }}
            autoComplete="off"
            autoFocus
          />
        </div>
        <div className="field">
          <label htmlFor="f-service">{t('list.service')}</label>
          <select id="f-service" value={filters.service} onChange={(e) => set({ service: e.target.value })}>
            <option value="">{t('list.all')}</option>
            {SERVICES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('list.status')}</label>
          <select id="f-status" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
            <option value="">{t('list.all')}</option>
            {(['open', 'new', 'closed', 'voided'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field check">
          <input
            id="f-overdue"
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
          />
          <label htmlFor="f-overdue">{t('list.overdue')}</label>
        </div>
      </div>
      <p id="case-count" className="count" role="status" aria-live="polite">
        {list.isPending
          ? t('app.loading')
          : t('list.count', { n: shown.length.toLocaleString('nb'), total: total.toLocaleString('nb') })}
      </p>
      {list.error && (
        <ErrorBox>{list.error instanceof BroError ? error(list.error.code) : error('INTERNAL')}</ErrorBox>
      )}
      {damaged.length > 0 && (
        <ul className="damaged-list" aria-label={t('list.damaged')}>
          {damaged.map((d) => (
            <li key={d.caseId} data-testid="damaged-case">
              <span className="badge bad">{t('list.damaged')}</span>
              <a href={href({ name: 'case', caseId: d.caseId, tab: 'timeline' })}>{t('list.damagedRow')}</a>
            </li>
          ))}
        </ul>
      )}
      <CaseTable
        rows={shown}
        total={shown.length}
        sort={sort}
        onSort={setSort}
        focusRow={focusRow}
        onLeaveTop={() => search.current?.focus()}
        empty={total === 0 && !list.isPending ? t('list.none') : t('list.empty')}
      />
      {creating && <NewCase onClose={() => setCreating(false)} />}
    </section>
  );
}

const ROW_HEIGHT = 48;

/** Where `/` is a character being typed, not the shortcut: text inputs, text areas, editable text. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range', 'image'].includes(
      target.type,
    )
  );
}

function CaseTable({
  rows,
  total,
  sort,
  onSort,
  empty,
  focusRow,
  onLeaveTop,
}: {
  empty: string;
  /** Set here: focuses the link of row `index` (the search's ↓ uses it). */
  focusRow: MutableRefObject<((index: number) => void) | null>;
  /** ↑ on the first row: back to the search. */
  onLeaveTop: () => void;
  rows: Row[];
  total: number;
  sort: { key: SortKey; dir: SortDir };
  onSort: (s: { key: SortKey; dir: SortDir }) => void;
}) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const focusIndex = (to: number) => {
    virtual.scrollToIndex(to);
    requestAnimationFrame(() =>
      requestAnimationFrame(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-row="${to}"]`)?.focus(),
      ),
    );
  };
  focusRow.current = focusIndex;
  const moveFocus = (from: number, by: number) => {
    if (from === 0 && by < 0) return onLeaveTop();
    focusIndex(Math.max(0, Math.min(rows.length - 1, from + by)));
  };

  return (
    <div className="table" role="table" aria-label={t('list.title')} aria-rowcount={total + 1}>
      <div role="rowgroup" className="thead">
        <div role="row" className="tr" aria-rowindex={1}>
          {COLUMNS.map((c) => {
            const active = sort.key === c.key;
            return (
              <div
                role="columnheader"
                key={c.key}
                className={`th col-${c.key}`}
                aria-sort={active ? sort.dir : undefined}
              >
                <button
                  type="button"
                  className="sort"
                  onClick={() =>
                    onSort({
                      key: c.key,
                      dir:
                        active && sort.dir === 'descending'
                          ? 'ascending'
                          : active
                            ? 'descending'
                            : c.key === 'waited'
                              ? 'descending'
                              : 'ascending',
                    })
                  }
                >
                  {t(c.label)}
                  <span aria-hidden="true" className="arrow">
                    {active ? (sort.dir === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scroller} className="tbody-scroll" data-testid="case-rows">
        <div role="rowgroup" className="tbody" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((v) => {
            const r = rows[v.index]!;
            const s = r.s;
            return (
              <div
                role="row"
                key={s.caseId}
                className="tr"
                aria-rowindex={v.index + 2}
                // Measured, not fixed: at 200 % zoom a row reflows onto several lines (WCAG 1.4.10).
                data-index={v.index}
                ref={virtual.measureElement}
                style={{ transform: `translateY(${v.start}px)`, minHeight: ROW_HEIGHT }}
              >
                <div role="cell" className="td col-pupil">
                  <a
                    href={href({ name: 'case', caseId: s.caseId, tab: 'timeline' })}
                    data-row={v.index}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                        e.preventDefault();
                        moveFocus(v.index, e.key === 'ArrowDown' ? 1 : -1);
                      }
                    }}
                  >
                    {s.pupil === null && s.restricted ? t('list.restricted') : s.pupil || s.externalId}
                  </a>
                  <span className="sub">
                    {s.grade != null
                      ? s.grade === 0
                        ? t('case.grade0')
                        : t('case.grade', { n: s.grade })
                      : ''}{' '}
                    · {t(`status.${s.status}`)}
                  </span>
                </div>
                <div role="cell" className="td col-school">
                  {s.school}
                </div>
                <div role="cell" className="td col-service">
                  {s.service ?? '–'}
                </div>
                <div role="cell" className="td col-waited num">
                  {r.waited == null ? (
                    '–'
                  ) : (
                    <>
                      <strong>{r.waited}</strong>
                      <span className="sub">{r.stillWaiting ? t('list.waiting') : t('list.waitedDone')}</span>
                    </>
                  )}
                </div>
                <div role="cell" className={`td col-deadline${r.overdue ? ' overdue' : ''}`}>
                  {r.next ? (
                    <>
                      <span>
                        {nbDate(r.next.due)}
                        {r.overdue && (
                          <span className="badge bad">
                            {s.overdue > 1 ? t('list.overdueMarkN', { n: s.overdue }) : t('list.overdueMark')}
                          </span>
                        )}
                      </span>
                      <span className="sub">{t(`task.${r.next.kind}`)}</span>
                    </>
                  ) : (
                    '–'
                  )}
                </div>
                <div role="cell" className="td col-caseworker">
                  {s.caseworker ?? <span className="muted">{t('list.noCaseworker')}</span>}
                </div>
              </div>
            );
          })}
        </div>
        {rows.length === 0 && <p className="empty">{empty}</p>}
      </div>
    </div>
  );
}

const NEW_CASE_FIELDS: FieldSpec[] = [
  { name: 'pupil.name', kind: 'text', label: 'f.pupil.name', required: true },
  { name: 'pupil.school', kind: 'text', label: 'f.pupil.school', required: true },
  { name: 'pupil.grade', kind: 'number', label: 'f.pupil.grade', required: true },
  { name: 'pupil.birthDate', kind: 'date', label: 'f.pupil.birthDate' },
  { name: 'service', kind: 'select', options: SERVICES, label: 'f.case.service', required: true },
  { name: 'id', kind: 'text', label: 'f.case.id' },
  { name: 'pupil.coordinator.role', kind: 'text', label: 'f.pupil.coordinator.role' },
  { name: 'pupil.coordinator.name', kind: 'text', label: 'f.pupil.coordinator.name' },
];

function NewCase({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const schools = useSchoolNames();
  // The pupil may already have a case (DUPLICATE_PUPIL): offer it, or create anyway.
  const [twin, setTwin] = useState<{ caseId: string; set: Record<string, unknown> } | null>(null);
  const create = async (set: Record<string, unknown>, allowDuplicate: boolean) => {
    // Required text left empty goes to the contract as '' so each field gets its own «må fylles ut».
    const pupil = (set.pupil ?? {}) as Record<string, unknown>;
    try {
      const r = await api['cases.create']({
        ...(set.id ? { id: String(set.id) } : {}),
        service: (set.service ?? '') as never,
        pupil: {
          ...pupil,
          name: String(pupil.name ?? ''),
          school: String(pupil.school ?? ''),
          grade: (pupil.grade ?? undefined) as number,
        } as never,
        ...(allowDuplicate ? { allowDuplicate: true } : {}),
      });
      await qc.invalidateQueries({ queryKey: ['cases'] });
      await qc.invalidateQueries({ queryKey: ['registers'] });
      onClose();
      go({ name: 'case', caseId: r.caseId, tab: 'timeline' });
    } catch (e) {
      if (e instanceof BroError && e.code === 'DUPLICATE_PUPIL' && typeof e.detail?.caseId === 'string')
        setTwin({ caseId: e.detail.caseId, set });
      throw e;
    }
  };
  return (
    <Modal title={t('newcase.title')} onClose={onClose}>
      {twin && (
        <section className="panel warn-box" role="alert" aria-labelledby="dup-title">
          <h2 id="dup-title">{t('dup.title')}</h2>
          <p>{t('dup.lead')}</p>
          <div className="actions">
            <a
              className="button primary"
              href={href({ name: 'case', caseId: twin.caseId, tab: 'timeline' })}
              onClick={onClose}
            >
              {t('dup.open')}
            </a>
            <button type="button" onClick={() => void create(twin.set, true).catch(() => undefined)}>
              {t('dup.create')}
            </button>
          </div>
        </section>
      )}
      <EntityForm
        entity="newcase"
        fields={NEW_CASE_FIELDS.map((f) => (f.name === 'pupil.school' ? { ...f, suggestions: schools } : f))}
        skip={() => 0}
        submitLabel={t('newcase.submit')}
        onCancel={onClose}
        onSubmit={async (set) => {
          setTwin(null);
          await create(set, false);
        }}
      />
    </Modal>
  );
}
