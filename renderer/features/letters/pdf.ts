/**
 * PDF pages drawn on canvases with pdf.js (loaded only when a letter is opened: it is large). The
 * PDF is parsed in a worker from the app's own origin; scripts inside a PDF never run (pdf.js does
 * not execute them, and the CSP forbids eval).
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { base64ToBytes } from '../../app/files';

type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return loading;
}

/** Draws every page of the PDF; `scale` 1 is 72 dpi (CSS pixels), times the screen's pixel ratio. */
export async function renderPages(base64: string, scale: number): Promise<HTMLCanvasElement[]> {
  const lib = await pdfjs();
  const doc = await lib.getDocument({
    data: base64ToBytes(base64),
    enableXfa: false,
  }).promise;
  try {
    const ratio = window.devicePixelRatio || 1;
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: scale * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.className = 'pdf-page';
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no canvas');
      await page.render({ canvas, canvasContext: ctx, viewport }).promise;
      canvases.push(canvas);
    }
    return canvases;
  } finally {
    void doc.destroy();
  }
}

/**
 * Prints a PDF through the window's print dialog: its pages at print resolution in a container
 * that is the only thing the print stylesheet shows (styles.css, `body.printing`).
 */
export async function printPdf(base64: string): Promise<void> {
  const pages = await renderPages(base64, 2);
  const box = document.createElement('div');
  box.className = 'print-pages';
  box.setAttribute('aria-hidden', 'true');
  for (const c of pages) box.appendChild(c);
  document.body.appendChild(box);
  document.body.classList.add('printing');
  const done = () => {
    document.body.classList.remove('printing');
    box.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Where print() returns before printing ends, afterprint still cleans up; where it never fires:
  window.setTimeout(done, 60_000);
}
