// The contextBridge surface: window.api, generated from the IPC contract (src-shared/ipc/create-renderer-api.ts).
// Built as CommonJS (out/preload/index.cjs) because a sandboxed renderer cannot load an ES module preload.
import { contextBridge, ipcRenderer } from 'electron';
import { createRendererApi } from '../../src-shared/ipc/create-renderer-api';

contextBridge.exposeInMainWorld('api', createRendererApi(ipcRenderer));
