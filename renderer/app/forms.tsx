import { useId, useState, type ReactNode } from 'react';
import { useForm, type FieldValues, type UseFormRegister } from 'react-hook-form';
import { BroError, type Issue, type Path } from '../../shared/errors';
import { textLimit } from '../../shared/domain/limits';
import { isoFromInput, nbDate } from './format';
import { fieldLabel, useI18n, type TextKey } from './i18n';
import { ErrorBox } from './ui';

/** One field of a form, named by its dotted path in the entity (`evaluation.date`). */
export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkbox' | 'password';
  /** Allowed values of a select; their labels are `opt.<optKey>.<value>` (or the value itself). */
  options?: readonly string[];
  optKey?: string;
  required?: boolean;
  hint?: TextKey;
  /** Span the whole row. */
  wide?: boolean;
  /** Label key when not `f.<entity>.<name>`. */
  label?: TextKey;
  autoComplete?: string;
  /**
   * For a text field: names to pick from (a register), offered as the input's list (a native
   * combobox: the browser announces and filters it). Typing a name not in it is allowed.
   */
  suggestions?: readonly string[];
}

type Values = Record<string, unknown>;

const get = (o: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Values)[k] : undefined), o);

/** The form's text for a stored value. */
function toInput(spec: FieldSpec, v: unknown): unknown {
  if (spec.kind === 'checkbox') return v === true;
  if (v == null) return '';
  if (spec.kind === 'date') return nbDate(String(v));
  return String(v);
}

/** A form value for the contract: '' is null, dates turned round, numbers parsed. */
function fromInput(spec: FieldSpec, v: unknown): unknown {
  if (spec.kind === 'checkbox') return v === true;
  const s = typeof v === 'string' ? v.trim() : v;
  if (s === '' || s == null) return null;
  if (spec.kind === 'date') return isoFromInput(String(s));
  if (spec.kind === 'number') {
    const n = Number(String(s).replace(',', '.'));
    return Number.isFinite(n) ? n : s;
  }
  return s;
}

/** Builds `set` from the fields: nested groups that are all empty become null. */
export function buildSet(fields: readonly FieldSpec[], values: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    const value = fromInput(f, values[f.name.replaceAll('.', '__')]);
    const parts = f.name.split('.');
    let o = out;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Values;
    o[parts[parts.length - 1]!] = value;
  }
  return collapse(out);
}

/** Groups whose fields are all empty become null, innermost first. */
function collapse(o: Values): Values {
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = collapse(v as Values);
      o[k] = Object.values(inner).every((x) => x == null) ? null : inner;
    }
  }
  return o;
}

/** Only what changed against `initial` (top-level keys; a group is replaced whole). New entities drop nulls. */
export function diffSet(set: Values, initial: Values | undefined): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(set)) {
    if (!initial) {
      if (v != null && v !== false) out[k] = v;
      continue;
    }
    const before = initial[k] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(v ?? null)) out[k] = v;
  }
  return out;
}

/**
 * Where a contract issue points inside this form: the path after `changes[i].set` (form input
 * checks) or after `case.<collection>[i]` (case rules), whichever the issue carries.
 */
export function fieldOfIssue(path: Path, skip: number): string {
  return path
    .slice(skip)
    .map((p) => String(p))
    .join('.');
}

export function defaultSkip(path: Path): number {
  if (path[0] === 'changes') return 3;
  if (path[0] === 'case') return typeof path[2] === 'number' ? 3 : path[1] === 'pupil' ? 2 : 1;
  return 0;
}

export function Field({
  spec,
  entity,
  register,
  error,
  length,
}: {
  spec: FieldSpec;
  entity: string;
  register: UseFormRegister<FieldValues>;
  error: string | undefined;
  /** The text's current length, for the counter beside a field with a limit. */
  length?: number | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const name = spec.name.replaceAll('.', '__');
  const label = spec.label ? t(spec.label) : fieldLabel(t, entity, spec.name);
  // Every text limit is shown beside its field: the schema's own, so form and contract agree.
  const max = spec.kind === 'text' || spec.kind === 'textarea' ? textLimit(entity, spec.name) : undefined;
  const described = [spec.hint ? `${id}-hint` : null, max ? `${id}-count` : null, error ? `${id}-err` : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
    'aria-required': spec.required || undefined,
    ...register(name),
  };
  const hint = spec.kind === 'date' && !spec.hint ? 'common.dateHint' : spec.hint;
  if (spec.kind === 'checkbox') {
    return (
      <div className={`field check${spec.wide ? ' wide' : ''}`}>
        <input type="checkbox" {...common} />
        <label htmlFor={id}>{label}</label>
        {error && (
          <p className="field-error" id={`${id}-err`}>
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className={`field${spec.wide || spec.kind === 'textarea' ? ' wide' : ''}`}>
      <label htmlFor={id}>
        {label}
        {spec.required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {t(hint)}
        </p>
      )}
      {spec.kind === 'textarea' ? (
        <textarea rows={3} {...common} />
      ) : spec.kind === 'select' ? (
        <select {...common}>
          <option value="">{t('common.choose')}</option>
          {spec.options?.map((o) => {
            const key = `opt.${spec.optKey}.${o}` as TextKey;
            const text = spec.optKey ? t(key) : o;
            return (
              <option key={o} value={o}>
                {text === key ? o : text}
              </option>
            );
          })}
        </select>
      ) : (
        <>
          <input
            type={spec.kind === 'password' ? 'password' : 'text'}
            inputMode={spec.kind === 'number' ? 'decimal' : spec.kind === 'date' ? 'numeric' : undefined}
            placeholder={spec.kind === 'date' ? t('common.dateHint') : undefined}
            autoComplete={spec.autoComplete ?? 'off'}
            className={spec.kind === 'date' ? 'date' : undefined}
            list={spec.suggestions?.length ? `${id}-list` : undefined}
            {...common}
          />
          {spec.suggestions && spec.suggestions.length > 0 && (
            <datalist id={`${id}-list`}>
              {spec.suggestions.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          )}
        </>
      )}
      {max !== undefined && (
        <p className={`counter${(length ?? 0) > max ? ' over' : ''}`} id={`${id}-count`}>
          {t('common.counter', { n: length ?? 0, max })}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Capitalised issue phrase: «må fylles ut» → «Må fylles ut». */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A form for one entity: fields from a spec, the contract's issues shown at their fields in the
 * user's language, anything that matches no field in a summary above the buttons.
 */
export function EntityForm({
  entity,
  fields,
  initial,
  isNew,
  withReason,
  submitLabel,
  onSubmit,
  onCancel,
  skip = defaultSkip,
  children,
}: {
  entity: string;
  fields: readonly FieldSpec[];
  initial?: Values;
  /** A new entity: `initial` only pre-fills the form, and empty fields are left out. */
  isNew?: boolean;
  /** Show the correction reason (editing something already recorded). */
  withReason?: boolean;
  submitLabel?: string;
  onSubmit: (set: Values, reason: string | undefined) => Promise<void>;
  onCancel?: () => void;
  skip?: (path: Path) => number;
  children?: ReactNode;
}) {
  const { t, issue, error: errorText } = useI18n();
  const defaults: Values = {};
  for (const f of fields) defaults[f.name.replaceAll('.', '__')] = toInput(f, get(initial, f.name));
  const form = useForm<FieldValues>({ defaultValues: { ...defaults, __reason: '' } });
  const [loose, setLoose] = useState<string[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const names = new Set(fields.map((f) => f.name));

  const showIssues = (issues: Issue[], values: FieldValues) => {
    const rest: string[] = [];
    let first = true;
    // Focus goes to the first field in the form's order, not the contract's.
    const order = (i: Issue) => {
      const f = fieldOfIssue(i.path, skip(i.path));
      const at = fields.findIndex((x) => x.name === f || x.name.startsWith(`${f}.`));
      return at < 0 ? fields.length : at;
    };
    for (const i of [...issues].sort((a, b) => order(a) - order(b))) {
      let field = fieldOfIssue(i.path, skip(i.path));
      // A message about a group (e.g. `evaluation`) lands on its first field.
      if (!names.has(field)) field = fields.find((f) => f.name.startsWith(`${field}.`))?.name ?? field;
      // A required choice or number left empty: the contract says "wrong type", the user needs "fill in".
      const empty = String(values[field.replaceAll('.', '__')] ?? '').trim() === '';
      const code = empty && (i.code === 'invalid_type' || i.code === 'invalid_value') ? 'REQUIRED' : i.code;
      const text = sentence(issue(code, i.limit));
      if (i.code === 'CORRECTION_REASON_REQUIRED') {
        form.setError('__reason', { message: text }, { shouldFocus: first });
        first = false;
      }
      if (names.has(field)) {
        form.setError(field.replaceAll('.', '__'), { message: text }, { shouldFocus: first });
        first = false;
      } else if (i.code !== 'CORRECTION_REASON_REQUIRED') {
        rest.push(`${fieldLabel(t, entity, field)}: ${issue(i.code, i.limit)}`);
      }
    }
    setLoose(rest);
  };

  const submit = form.handleSubmit(async (values) => {
    setLoose([]);
    setFailed(null);
    form.clearErrors();
    const set = diffSet(buildSet(fields, values), isNew ? undefined : initial);
    const reason = String(values.__reason ?? '').trim() || undefined;
    try {
      await onSubmit(set, reason);
    } catch (e) {
      if (e instanceof BroError) {
        if (e.issues.length) showIssues(e.issues, values);
        setFailed(errorText(e.code));
      } else setFailed(errorText('INTERNAL'));
    }
  });

  const errs = form.formState.errors;
  const values = form.watch();
  const lengthOf = (f: FieldSpec) => {
    const v = values[f.name.replaceAll('.', '__')];
    return typeof v === 'string' ? v.length : 0;
  };
  return (
    <form className="entity-form" onSubmit={submit} noValidate>
      {failed && (
        <ErrorBox>
          <p>{failed}</p>
          {loose.length > 0 && (
            <ul>
              {loose.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </ErrorBox>
      )}
      <div className="grid">
        {fields.map((f) => (
          <Field
            key={f.name}
            spec={f}
            entity={entity}
            register={form.register}
            error={errs[f.name.replaceAll('.', '__')]?.message as string | undefined}
            length={lengthOf(f)}
          />
        ))}
        {children}
        {withReason && (
          <Field
            spec={{ name: '__reason', kind: 'textarea', label: 'common.reason', hint: 'common.reasonHint' }}
            entity={entity}
            register={form.register}
            error={errs.__reason?.message as string | undefined}
          />
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {submitLabel ?? t('common.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        <span role="status" className="busy">
          {form.formState.isSubmitting ? t('common.busy') : ''}
        </span>
      </div>
    </form>
  );
}
