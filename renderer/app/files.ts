/**
 * Files in and out of the renderer. A file leaves as a download of a blob the page made (Electron
 * lets only such downloads through and asks where to save; a browser does the same), and comes in
 * through a file input or a drop — never by a path the page invents.
 */

/** Offers bytes (base64) as a file to save; the user chooses where. */
export function saveBase64(fileName: string, mediaType: string, base64: string): void {
  saveBlob(fileName, new Blob([base64ToBytes(base64)], { type: mediaType }));
}

/** Standard base64 (the contract's byte fields) as bytes. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Offers text as a file to save. */
export function saveText(fileName: string, mediaType: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: mediaType }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the download has started; the bytes stay only as long as needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen or dropped file as base64 (for the contract's byte inputs). */
export async function fileToBase64(file: File): Promise<string> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < buf.length; i += CHUNK) bin += String.fromCharCode(...buf.subarray(i, i + CHUNK));
  return btoa(bin);
}

/** A file name with no personal data: the kind of file, a date and a short id. */
export function safeFileName(parts: (string | number)[], ext: string): string {
  const stem = parts
    .map((p) => String(p).replace(/[^A-Za-z0-9._-]+/gu, '-'))
    .filter(Boolean)
    .join('-');
  return `${stem}.${ext}`;
}
