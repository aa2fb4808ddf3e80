import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: one static bundle that the loopback host and Electron's custom protocol both
// serve. Relative asset paths (base './') so it works under either origin.
export default defineConfig({
  root: path.join(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    // SECURITY: no inline polyfill script, so the CSP can forbid every inline script.
    modulePreload: { polyfill: false },
    target: 'chrome120',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
});
