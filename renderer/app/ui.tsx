import { useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
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

/** A row's own button in a RecordTable: small, and named for screen readers with what it acts on. */
export function RowButton({
  label,
  onClick,
  children,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="small" aria-label={label} onClick={onClick}>
      {children}
    </button>
  );
}

/**
 * A drop zone for one file: what it is for (`children`), a button that opens the file chooser,
 * which is the one control keyboard and screen-reader users meet (the input is hidden and named
 * like the button), and a highlight while a file is dragged over. The chosen file goes to
 * `onFile`; the input is cleared, so the same file chosen again is taken again. A dropped file
 * goes to `onFile` too, unless `windowTakesDrop`: then the zone only highlights and the window's
 * own drop handler takes the file (as «Kontroller brev» does).
 */
export function FileDrop({
  testId,
  choose,
  accept,
  onFile,
  disabled,
  primary,
  describedBy,
  windowTakesDrop,
  children,
}: {
  testId: string;
  /** The button's text, and the hidden input's name. */
  choose: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  /** The button is the screen's primary action. */
  primary?: boolean;
  /** The id of the text that explains the button. */
  describedBy?: string;
  windowTakesDrop?: boolean;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        if (!windowTakesDrop) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (windowTakesDrop) return;
        // Handled here, so the window's «drop a letter to check it» leaves it alone.
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        disabled={disabled}
        aria-describedby={describedBy}
        onClick={() => input.current?.click()}
      >
        {choose}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={choose}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}
