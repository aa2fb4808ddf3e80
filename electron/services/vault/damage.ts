import { BroError } from '../../../shared/errors';

/** One damaged file, named by its vault-relative path (never by anything inside it). */
export interface DamagedFile {
  caseId: string | null;
  /** Vault-relative path with forward slashes, e.g. `cases/<id>/events/<id>.jwe`. */
  file: string;
  code: 'TAMPERED' | 'MISSING' | 'UNREADABLE';
  reason: string;
}

/** TAMPERED for one case, naming every damaged file (vault-relative paths, no personal data). */
export class TamperedError extends BroError {
  constructor(
    caseId: string,
    readonly files: DamagedFile[],
  ) {
    super('TAMPERED', 'A file in this case is damaged or was changed outside Bro', {
      detail: { caseId, file: files[0]?.file ?? '', count: files.length },
    });
  }
}

export function damaged(caseId: string, files: DamagedFile[]): TamperedError {
  return new TamperedError(caseId, files);
}

export function damagedFiles(e: BroError): DamagedFile[] {
  return e instanceof TamperedError ? e.files : [];
}
