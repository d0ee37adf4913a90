import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server';
import { runTool as tool, startServerProcess } from '../support/server-process';

/** DATABASE_URL=postgres://… (issue 11): the server and the commands run on PostgreSQL. */
describe('DATABASE_URL=postgres://…', { timeout: 120_000 }, () => {
  it('runs the server and the commands on PostgreSQL', async () => {
    const server = await startTestServer();
    const url = server.store.url!;
    const dir = mkdtempSync(join(tmpdir(), 'borne-url-'));
    try {
      const exported = await tool('src/server/config/config-cli.ts', ['export', '--config', dir], { DATABASE_URL: url });
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
      const running = await startServerProcess([], { PORT: '0', DATABASE_URL: url });
      running.stop();
      expect(running.stdout).toContain('Borne is running');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
