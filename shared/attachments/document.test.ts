import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, checkDocument, documentType, titleFromFileName } from './document';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
/** A ZIP's local header: signature, 26 bytes of fields, then the first entry's name. */
const zip = (first: string, ...rest: string[]) =>
  bytes([0x50, 0x4b, 0x03, 0x04], new Array(26).fill(0), first, ...rest);

describe('documentType: the type from the first bytes', () => {
  it('knows PDF, images, Word, OpenDocument text and RTF', () => {
    expect(documentType(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(documentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(documentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(documentType(bytes([0x49, 0x49, 0x2a, 0x00, 8]))).toBe('tiff');
    expect(documentType(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe('heic');
    expect(documentType(bytes('{\\rtf1\\ansi'))).toBe('rtf');
    expect(documentType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('doc');
    expect(documentType(zip('[Content_Types].xml', '....word/document.xml'))).toBe('docx');
    expect(documentType(zip('mimetypeapplication/vnd.oasis.opendocument.text'))).toBe('odt');
  });

  it('refuses what only looks like a document by its name: programs, other ZIPs, text, HTML', () => {
    expect(documentType(bytes('MZ\x90\x00'))).toBeNull();
    expect(documentType(bytes([0x7f], 'ELF'))).toBeNull();
    expect(documentType(zip('payload.exe'))).toBeNull();
    expect(documentType(zip('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))).toBeNull();
    expect(documentType(zip('[Content_Types].xml', 'xl/workbook.xml'))).toBeNull();
    expect(documentType(bytes('<html><body>'))).toBeNull();
    expect(documentType(bytes('Hei, her er rapporten'))).toBeNull();
    expect(documentType(bytes(' %PDF-1.7'))).toBeNull();
  });
});

describe('checkDocument: the rule', () => {
  it('gives a typed issue for an empty file, a too large one and an unknown type, at the path asked for', () => {
    expect(checkDocument(new Uint8Array(0), ['data'])).toEqual({
      ok: false,
      issue: { path: ['data'], code: 'ATTACHMENT_EMPTY' },
    });
    const big = new Uint8Array(ATTACHMENT_MAX_BYTES + 1);
    big.set(Buffer.from('%PDF-'));
    expect(checkDocument(big)).toEqual({
      ok: false,
      issue: { path: ['file'], code: 'ATTACHMENT_TOO_LARGE', limit: '20' },
    });
    expect(checkDocument(bytes('MZ'))).toEqual({
      ok: false,
      issue: { path: ['file'], code: 'ATTACHMENT_TYPE' },
    });
    const max = new Uint8Array(ATTACHMENT_MAX_BYTES);
    max.set(Buffer.from('%PDF-'));
    expect(checkDocument(max)).toEqual({ ok: true, type: 'pdf' });
  });

  it('titles a document by its file name without the extension or the folder', () => {
    expect(titleFromFileName('/tmp/x/Pedagogisk rapport vår 2026.pdf')).toBe('Pedagogisk rapport vår 2026');
    expect(titleFromFileName('C:\\Users\\a\\Henvisning.docx')).toBe('Henvisning');
    expect(titleFromFileName('.pdf')).toBe('Dokument');
  });
});
