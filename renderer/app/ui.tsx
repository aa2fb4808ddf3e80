import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from './i18n';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, makes the rest inert
 * and closes it on Escape; focus goes back to what opened it.
 */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby="modal-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-head">
        <h2 id="modal-title">{title}</h2>
        <button type="button" className="ghost" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      {children}
    </dialog>
  );
}

export function ErrorBox({ children }: { children: ReactNode }) {
  return (
    <div className="error-box" role="alert">
      {children}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * A list of records as a table (the Dokumenter and Brev tabs): a column head per field, a last
 * column for the row's buttons whose head only screen readers hear, and `<Empty>` with `none`
 * instead of the table when there are no rows.
 */
export function RecordTable({
  head,
  actions,
  none,
  labelledBy,
  rows,
}: {
  head: readonly ReactNode[];
  /** The buttons column's name (read by screen readers only). */
  actions: ReactNode;
  none: ReactNode;
  /** The id of the heading that names the table, when the table should carry it. */
  labelledBy?: string;
  rows: readonly ReactNode[];
}) {
  if (rows.length === 0) return <Empty>{none}</Empty>;
  return (
    <table className="data" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
          <th scope="col">
            <span className="sr-only">{actions}</span>
          </th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  return (
    <div className="progress" role="status">
      <span>{label}</span>
      <progress max={total || 1} value={done} aria-label={label} />
    </div>
  );
}
