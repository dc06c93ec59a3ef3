// The contextBridge surface. It stays empty until the IPC contract lands (Electron-shell issue):
// the renderer gets a narrow, named API generated from src-shared/ipc, never a generic invoke.
export {};
