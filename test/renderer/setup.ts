import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Testing Library unmounts by itself only when vitest globals are on; they are off here.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  document.body.getAttributeNames().forEach((a) => a.startsWith('data-') && document.body.removeAttribute(a));
  window.location.hash = '';
});

// jsdom has no Blob URLs; the history export makes one.
if (!('createObjectURL' in URL)) {
  Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
}
