import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * One run, four kinds of test (shared/DESIGN.md): unit (pure, Node), component (happy-dom),
 * integration (server through inject, real SQLite file) and e2e (real Chromium).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [preact()],
        test: { name: 'component', include: ['tests/component/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        // A real scrypt (128 MiB, one at a time by design) and a real SQLite file: on a loaded 2-core
        // machine a sign-in can take seconds. The timeout is a hang guard, never a speed target.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        // The same integration tests on PostgreSQL: one embedded cluster for the run (global setup),
        // a database of its own for each test server.
        test: {
          name: 'integration-pg',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { BORNE_TEST_DIALECT: 'postgres' },
          globalSetup: ['./tests/support/pg-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Browser tests share one machine-wide Chromium; run their files one after another,
          // and only once the other projects are done (groupOrder), so a busy CPU does not
          // distort what they time, like the keystroke rate of a USB scanner.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
