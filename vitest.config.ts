import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects, one `vitest run`: Node for the engine, services and integration tests; jsdom for
// the renderer's component tests (test/renderer mirrors src-renderer).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.ts', 'test/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          // Dates show in the user's zone; tests pin it so that "15:42" is the same everywhere.
          env: { TZ: 'UTC' },
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
