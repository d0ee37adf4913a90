import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * One run, four kinds of test (shared/DESIGN.md): unit (pure, Node), component (happy-dom),
 * integration (server through inject, real SQLite file) and e2e (real Chromium).
 */
const PG_ONLY = ['tests/integration/backup-pg.test.ts', 'tests/integration/database-url-pg.test.ts', 'tests/integration/db-copy.test.ts', 'tests/integration/pg-exit-code.test.ts', 'tests/integration/instances.test.ts', 'tests/integration/multi-instance-bus.test.ts'];
const SQLITE_ONLY = ['tests/integration/backup-sqlite.test.ts', 'tests/integration/booking-limit-indexes.test.ts', 'tests/integration/compiled-server.test.ts', 'tests/integration/config-cli.test.ts', 'tests/integration/server-start.test.ts', 'tests/integration/sqlite-native.test.ts'];

export default defineConfig({
  test: {
    // Two workers on two cores for the projects that may share the machine (the e2e files run one
    // at a time, after the others). The integration files do not isolate their modules: each test
    // builds its own app and store, and importing the server's module graph again for each of
    // 150 files cost more than two minutes of the CI run.
    maxWorkers: 2,
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
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // Several instances and a copy target need PostgreSQL: those files run in integration-pg only.
          exclude: PG_ONLY,
          environment: 'node',
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same integration tests on PostgreSQL: one embedded cluster for the run (global setup),
        // a database of its own for each test server.
        test: {
          name: 'integration-pg',
          include: ['tests/integration/**/*.test.ts'],
          // Files about a SQLite file or a process started on one: the same on either project.
          exclude: SQLITE_ONLY,
          environment: 'node',
          isolate: false,
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
