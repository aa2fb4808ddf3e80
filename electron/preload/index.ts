import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { OpName } from '../../shared/contract';
import type { CallResult, PreloadBridge } from '../../shared/contract/transport';

/**
 * The preload: bundled into one CommonJS file (scripts/build-electron.mjs) because a sandboxed
 * preload can require nothing but 'electron'. It exposes exactly a PreloadBridge as `window.bro`
 * and nothing else: no ipcRenderer, no Node, no channel names the page can choose.
 * The channel names match electron/main/bridge.ts (a test checks both).
 */
const CALL_CHANNEL = 'bro:call';
const PROGRESS_CHANNEL = 'bro:progress';

type ProgressListener = Parameters<NonNullable<PreloadBridge['onProgress']>>[0];

const bridge: PreloadBridge = {
  // SECURITY: one fixed channel; the page passes only an operation name and data (checked in main).
  call: (op: OpName, input: unknown) => ipcRenderer.invoke(CALL_CHANNEL, op, input) as Promise<CallResult>,
  onProgress: (listener: ProgressListener) => {
    // SECURITY: the page's listener gets the message only, never the IpcRendererEvent (it holds `sender`).
    const wrapped = (_event: IpcRendererEvent, p: Parameters<ProgressListener>[0]) => listener(p);
    ipcRenderer.on(PROGRESS_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(PROGRESS_CHANNEL, wrapped);
    };
  },
};

// SECURITY: contextIsolation keeps this object in its own world; the page sees a frozen copy.
contextBridge.exposeInMainWorld('bro', bridge);
