import {
  dictOf,
  objectAt,
  PdfFile,
  PdfParseError,
  pdfString,
  skipSpace,
  valueAt,
  type PdfObject,
  type PdfValue,
} from './pdfParse';

/**
 * What changed in a letter after it was signed (issue 19 item 3). A letter is signed as one
 * revision; a reader that fills in the reply form appends an incremental update (ISO 32000-1
 * 7.5.6): new versions of the changed objects, a cross-reference section and a trailer. This
 * reads that update object by object and says, per change, what it is and which page it touches:
 *
 * - `form-field`: a field of the letter's own form got a value (its /V, /AS and /AP only, and new
 *   appearance streams and fonts reachable from those). This is what DocMDP P 2 permits.
 * - `metadata`: the document information's ModDate or Producer (written by every PDF editor).
 * - `annotation`: an annotation added to (or removed from) a page: a comment, a stamp, a box of
 *   text over the letter.
 * - `page-content`: a page's content changed (appended drawing, a replaced content stream).
 * - `page-replaced`, `page-added`, `page-removed`: the page tree changed.
 * - `field`: a field of the form changed in some other way than its value (moved, renamed, …).
 * - `object`: any other object changed or added (the catalog, the letter's attachments, …).
 * - `appended-bytes`: bytes after the signed revision that are not an incremental update.
 * - `unreadable`: an update this reader cannot look inside (compressed object streams).
 *
 * Only the first two leave the letter intact. Integrity of the signed revision itself is the
 * seal's and the signature's job (./seal.ts, ./pades.ts), checked on the bytes before the update.
 */
export type ChangeKind =
  | 'form-field'
  | 'metadata'
  | 'annotation'
  | 'page-content'
  | 'page-replaced'
  | 'page-added'
  | 'page-removed'
  | 'field'
  | 'object'
  | 'appended-bytes'
  | 'unreadable';

export interface RevisionChange {
  kind: ChangeKind;
  /** The page it touches (1-based), when it touches one. */
  page: number | null;
  /** The form field, for `form-field` and `field`. */
  field?: string;
}

export const FORM_FILL_KINDS: readonly ChangeKind[] = ['form-field', 'metadata'];

export interface UpdateAnalysis {
  changes: RevisionChange[];
  /** Every field of the letter's form with its value after the update ('' when empty or Off). */
  fields: Map<string, string>;
}

/** Where a revision may end: right after each «%%EOF» (a signed Bro letter ends there, without a newline). */
export function revisionEnds(pdf: Buffer): number[] {
  const out: number[] = [];
  for (let at = pdf.indexOf('%%EOF'); at >= 0 && out.length < 50; at = pdf.indexOf('%%EOF', at + 5))
    out.push(at + 5);
  return out;
}

const isRef = (v: PdfValue | undefined): v is { ref: [number, number] } =>
  !!v && typeof v === 'object' && 'ref' in v;
const nameOf = (v: PdfValue | undefined): string | null =>
  v && typeof v === 'object' && 'name' in v ? v.name : null;

function equal(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equal(x, b[i]));
  }
  if ('name' in a) return 'name' in b && a.name === b.name;
  if ('str' in a) return 'str' in b && a.str.equals(b.str);
  if ('ref' in a) return 'ref' in b && a.ref[0] === b.ref[0] && a.ref[1] === b.ref[1];
  if ('dict' in a) {
    if (!('dict' in b) || a.dict.size !== b.dict.size) return false;
    for (const [k, v] of a.dict) if (!equal(v, b.dict.get(k))) return false;
    return true;
  }
  return false;
}

/** The keys whose values differ between two dictionaries. */
function changedKeys(a: Map<string, PdfValue> | null, b: Map<string, PdfValue> | null): string[] {
  if (!a || !b) return ['*'];
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => !equal(a.get(k), b.get(k)));
}

/** Object ids referenced from a value (not following references). */
function refsIn(v: PdfValue | undefined, out: number[] = []): number[] {
  if (!v || typeof v !== 'object') return out;
  if (Array.isArray(v)) for (const x of v) refsIn(x, out);
  else if ('ref' in v) out.push(v.ref[0]);
  else if ('dict' in v) for (const x of v.dict.values()) refsIn(x, out);
  return out;
}

interface FieldInfo {
  name: string;
  /** The terminal field this object belongs to (itself, or its parent for a widget). */
  fieldId: number;
  signature: boolean;
}

/** The signed revision's structure: pages, their content streams, and the form's fields and widgets. */
class Original {
  readonly file: PdfFile;
  readonly rootId: number | null;
  readonly infoId: number | null;
  readonly acroFormId: number | null;
  /** Page object ids in page order. */
  readonly pages: number[] = [];
  /** Page tree nodes (Pages objects). */
  readonly pageNodes = new Set<number>();
  /** Content stream (or resource dictionary) id → page number. */
  readonly contents = new Map<number, number>();
  /** Field or widget object id → its field. */
  readonly fields = new Map<number, FieldInfo>();
  /** Terminal field id → name. */
  readonly terminals = new Map<number, string>();

  constructor(buf: Buffer) {
    this.file = new PdfFile(buf);
    const root = this.file.trailer.get('Root');
    const info = this.file.trailer.get('Info');
    this.rootId = isRef(root) ? root.ref[0] : null;
    this.infoId = isRef(info) ? info.ref[0] : null;
    const catalog = this.rootId === null ? null : dictOf(this.file.object(this.rootId).value);
    const pages = catalog?.get('Pages');
    if (isRef(pages)) this.walkPages(pages.ref[0], 0);
    const form = catalog?.get('AcroForm');
    this.acroFormId = isRef(form) ? form.ref[0] : null;
    const formDict = dictOf(this.file.resolve(form));
    const list = this.file.resolve(formDict?.get('Fields'));
    if (Array.isArray(list)) for (const f of list) if (isRef(f)) this.walkField(f.ref[0], '', null, 0);
  }

  private walkPages(id: number, depth: number): void {
    if (depth > 20) throw new PdfParseError('page tree');
    const d = dictOf(this.file.object(id).value);
    if (nameOf(d?.get('Type')) === 'Pages') {
      this.pageNodes.add(id);
      const kids = this.file.resolve(d?.get('Kids'));
      if (Array.isArray(kids)) for (const k of kids) if (isRef(k)) this.walkPages(k.ref[0], depth + 1);
      return;
    }
    this.pages.push(id);
    const n = this.pages.length;
    for (const c of refsIn(d?.get('Contents'))) this.contents.set(c, n);
    // The page's resources (fonts, images it draws with) belong to its content too.
    const res = d?.get('Resources');
    if (isRef(res)) this.contents.set(res.ref[0], n);
  }

  private walkField(id: number, prefix: string, inheritedFt: string | null, depth: number): void {
    if (depth > 20) throw new PdfParseError('field tree');
    const d = dictOf(this.file.object(id).value);
    if (!d) return;
    const t = pdfString(d.get('T'));
    const name = t === null ? prefix : prefix ? `${prefix}.${t}` : t;
    const ft = nameOf(d.get('FT')) ?? inheritedFt;
    const kids = this.file.resolve(d.get('Kids'));
    const childFields = Array.isArray(kids)
      ? kids.filter((k) => isRef(k) && dictOf(this.file.object(k.ref[0]).value)?.has('T'))
      : [];
    if (Array.isArray(kids) && childFields.length) {
      for (const k of kids) if (isRef(k)) this.walkField(k.ref[0], name, ft, depth + 1);
      return;
    }
    // A terminal field: itself a widget, or with widgets as kids.
    const info = { name, fieldId: id, signature: ft === 'Sig' };
    this.fields.set(id, info);
    this.terminals.set(id, name);
    if (Array.isArray(kids)) for (const k of kids) if (isRef(k)) this.fields.set(k.ref[0], info);
  }

  /** The page a widget or annotation sits on (its /P, else the page whose /Annots lists it). */
  pageOfAnnotation(id: number, value: PdfValue | undefined): number | null {
    const kids = this.file.resolve(dictOf(value)?.get('Kids'));
    const kid = Array.isArray(kids) ? kids.find(isRef) : undefined;
    if (kid) return this.pageOfAnnotation(kid.ref[0], this.file.object(kid.ref[0]).value);
    const p = dictOf(value)?.get('P');
    if (isRef(p)) {
      const i = this.pages.indexOf(p.ref[0]);
      if (i >= 0) return i + 1;
    }
    for (const [i, pid] of this.pages.entries()) {
      const annots = this.file.resolve(dictOf(this.file.object(pid).value)?.get('Annots'));
      if (refsIn(annots).includes(id)) return i + 1;
    }
    return null;
  }
}

/**
 * A key a form filler may change when it fills in a field: the value (/V), the ticked state
 * (/AS), the appearance (/AP) and its default appearance string (/DA, which pdf-lib and others
 * rewrite with the font they used), and the field flags only where the rich-text bit differs.
 */
function valueKey(
  k: string,
  before: Map<string, PdfValue> | null,
  after: Map<string, PdfValue> | null,
): boolean {
  if (k === 'V' || k === 'AS' || k === 'AP' || k === 'DA') return true;
  if (k !== 'Ff') return false;
  const num = (v: PdfValue | undefined) => (typeof v === 'number' ? v : 0);
  const RICH_TEXT = 1 << 25;
  return (num(before?.get('Ff')) & ~RICH_TEXT) === (num(after?.get('Ff')) & ~RICH_TEXT);
}

/** Text of a field value: a name (a ticked box's export value) or a string. */
function valueText(v: PdfValue | undefined): string {
  const n = nameOf(v);
  if (n !== null) return n === 'Off' ? '' : n;
  return pdfString(v) ?? '';
}

/**
 * Reads what was appended after the signed revision (`signedLength` bytes) and classifies every
 * change. Throws PdfParseError when the signed revision itself cannot be read.
 */
export function analyseUpdate(pdf: Buffer, signedLength: number): UpdateAnalysis {
  const orig = new Original(pdf.subarray(0, signedLength));
  const changes: RevisionChange[] = [];
  const updated = new Map<number, PdfObject>();
  const freed = new Set<number>();
  let rootChanged = false;

  // The update, in file order: objects, then "xref … trailer << … >> startxref n %%EOF", maybe repeated.
  let p = signedLength;
  while (true) {
    p = skipSpace(pdf, p);
    if (p >= pdf.length) break;
    const head = pdf.toString('latin1', p, p + 12);
    try {
      if (/^\d+\s+\d+\s+obj\b/u.test(head)) {
        const obj = objectAt(pdf, p)!;
        const type = nameOf(dictOf(obj.value)?.get('Type'));
        if (type === 'ObjStm') changes.push({ kind: 'unreadable', page: null });
        else if (type !== 'XRef') updated.set(obj.id, obj);
        p = obj.end;
        continue;
      }
      if (head.startsWith('xref')) {
        const t = pdf.indexOf('trailer', p);
        if (t < 0) throw new PdfParseError('trailer');
        // Free entries ("f") for objects the signed revision has: objects deleted.
        const table = pdf.toString('latin1', p + 4, t);
        let id = 0;
        for (const line of table.split(/\r?\n|\r/u)) {
          const sub = /^\s*(\d+)\s+(\d+)\s*$/u.exec(line);
          const entry = /^(\d{10}) (\d{5}) ([nf])/u.exec(line.trim());
          if (sub) id = Number(sub[1]);
          else if (entry) {
            if (entry[3] === 'f' && id > 0 && orig.file.ids().includes(id)) freed.add(id);
            id++;
          }
        }
        const trailer = valueAt(pdf, t + 'trailer'.length);
        const root = dictOf(trailer.value)?.get('Root');
        if (!isRef(root) || root.ref[0] !== orig.rootId) rootChanged = true;
        p = skipSpace(pdf, trailer.end);
        const sx = /^startxref\s+\d+/u.exec(pdf.toString('latin1', p, p + 40));
        if (!sx) throw new PdfParseError('startxref');
        p += sx[0].length;
        continue;
      }
    } catch (e) {
      if (!(e instanceof PdfParseError)) throw e;
      changes.push({ kind: 'unreadable', page: null });
      break;
    }
    changes.push({ kind: 'appended-bytes', page: null });
    break;
  }
  if (rootChanged) changes.push({ kind: 'object', page: null });
  for (const id of freed)
    changes.push({ kind: 'object', page: orig.pages.includes(id) ? orig.pages.indexOf(id) + 1 : null });

  const origValue = (id: number): PdfValue | undefined => {
    try {
      return orig.file.object(id).value;
    } catch {
      return undefined;
    }
  };
  const existed = new Set(orig.file.ids());
  // New objects a permitted change points at (appearance streams and their fonts).
  const allowedNew = new Set<number>();
  const permit = (v: PdfValue | undefined) => {
    const queue = refsIn(v).filter((id) => !existed.has(id));
    while (queue.length) {
      const id = queue.pop()!;
      if (allowedNew.has(id)) continue;
      allowedNew.add(id);
      const o = updated.get(id);
      if (o) queue.push(...refsIn(o.value).filter((x) => !existed.has(x)));
    }
  };
  const filled = new Set<number>();

  for (const [id, obj] of updated) {
    if (!existed.has(id)) continue;
    const before = origValue(id);
    const after = obj.value;
    const keys = changedKeys(dictOf(before), dictOf(after));
    const streamChanged =
      !!obj.stream && !(orig.file.object(id).stream ?? Buffer.alloc(0)).equals(obj.stream);
    if (!keys.length && !streamChanged) continue;
    const field = orig.fields.get(id);
    if (field && !field.signature) {
      const page = orig.pageOfAnnotation(id, before);
      if (!streamChanged && keys.every((k) => valueKey(k, dictOf(before), dictOf(after)))) {
        permit(dictOf(after)?.get('AP'));
        if (!filled.has(field.fieldId)) changes.push({ kind: 'form-field', page, field: field.name });
        filled.add(field.fieldId);
      } else changes.push({ kind: 'field', page, field: field.name });
      continue;
    }
    if (id === orig.acroFormId && keys.every((k) => k === 'NeedAppearances' || k === 'DR')) {
      permit(dictOf(after)?.get('DR'));
      continue;
    }
    if (id === orig.infoId && keys.every((k) => k === 'ModDate' || k === 'Producer')) {
      changes.push({ kind: 'metadata', page: null });
      continue;
    }
    const pageIndex = orig.pages.indexOf(id);
    if (pageIndex >= 0) {
      const page = pageIndex + 1;
      for (const k of keys) {
        if (k === 'Annots') {
          const was = refsIn(dictOf(before)?.get('Annots'));
          const now = refsIn(dictOf(after)?.get('Annots'));
          // Widgets of the letter's own form may be listed again; anything else is an annotation.
          if (now.some((x) => !was.includes(x)) || was.some((x) => !now.includes(x)))
            changes.push({ kind: 'annotation', page });
        } else if (k === 'Contents') changes.push({ kind: 'page-content', page });
        else changes.push({ kind: 'page-content', page });
      }
      continue;
    }
    if (orig.pageNodes.has(id)) {
      const was = refsIn(dictOf(before)?.get('Kids'));
      const now = refsIn(dictOf(after)?.get('Kids'));
      const n = Math.min(was.length, now.length);
      for (let i = 0; i < n; i++) if (was[i] !== now[i]) changes.push({ kind: 'page-replaced', page: i + 1 });
      for (let i = n; i < now.length; i++) changes.push({ kind: 'page-added', page: i + 1 });
      for (let i = n; i < was.length; i++) changes.push({ kind: 'page-removed', page: i + 1 });
      if (keys.some((k) => k !== 'Kids' && k !== 'Count')) changes.push({ kind: 'object', page: null });
      continue;
    }
    const contentPage = orig.contents.get(id);
    changes.push({ kind: contentPage ? 'page-content' : 'object', page: contentPage ?? null });
  }

  for (const [id, obj] of updated) {
    if (existed.has(id) || allowedNew.has(id)) continue;
    const d = dictOf(obj.value);
    const type = nameOf(d?.get('Type'));
    const subtype = nameOf(d?.get('Subtype'));
    // Pages and annotations are reported through the page tree and the page's /Annots above.
    if (type === 'Page' || type === 'Annot' || (subtype !== null && d?.has('Rect'))) continue;
    // A content stream hung on a page is reported as that page's content.
    const page = orig.pages.findIndex((pid) => {
      const o = updated.get(pid);
      return o ? refsIn(dictOf(o.value)?.get('Contents')).includes(id) : false;
    });
    if (page >= 0) continue;
    // Fonts and resources of a new annotation's appearance are part of that annotation.
    const owner = [...updated.values()].some(
      (o) => !existed.has(o.id) && o.id !== id && refsIn(o.value).includes(id),
    );
    if (!owner) changes.push({ kind: 'object', page: null });
  }

  const fields = new Map<string, string>();
  for (const [id, name] of orig.terminals) {
    const info = orig.fields.get(id);
    if (info?.signature) continue;
    fields.set(name, valueText(dictOf(updated.get(id)?.value ?? origValue(id))?.get('V')));
  }
  return { changes: dedupe(changes), fields };
}

function dedupe(changes: RevisionChange[]): RevisionChange[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const k = `${c.kind}|${c.page}|${c.field ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Whether a signed revision permits filling in its form: DocMDP with P 2 in the PAdES signature. */
export function padesPermitsFill(signed: Buffer): boolean {
  const text = signed.toString('latin1');
  const at = text.indexOf('/TransformMethod /DocMDP');
  if (at < 0) return false;
  const params = /\/TransformParams\s*<<([^>]*)>>/u.exec(text.slice(Math.max(0, at - 400), at + 400));
  return !!params && /\/P\s+2\s/u.test(params[1]!);
}
