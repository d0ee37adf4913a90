import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it, vi } from 'vitest';
import { TSX } from '../support/server-process';

vi.setConfig({ testTimeout: 120_000 });

/**
 * The embedded PostgreSQL that the PostgreSQL tests and benches start must not decide how the
 * process exits: its exit hook once turned a failed test run (exit code 1) into exit 0, so the CI
 * passed with failing PostgreSQL tests. A failing run must stay failing.
 */
it('keeps a failing exit code after the embedded cluster ran', () => {
  const dir = mkdtempSync(join(tmpdir(), 'borne-pg-exit-'));
  try {
    const script = join(dir, 'run.mts');
    writeFileSync(
      script,
      `import { startPgCluster } from ${JSON.stringify(resolve('tests/support/pg.ts'))};
const cluster = await startPgCluster();
await cluster.stop();
process.exitCode = 3;
`,
    );
    const run = spawnSync(process.execPath, [TSX, script], { encoding: 'utf8', timeout: 100_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
