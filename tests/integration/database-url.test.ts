import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTool as tool } from '../support/server-process';

/**
 * DATABASE_URL (issue 11): the server and the commands open sqlite: or postgres:// alike; a bad
 * URL or a PostgreSQL that cannot be reached is said in one line (where, and why), with no stack
 * trace and never the password.
 */

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('a DATABASE_URL that cannot be used', { timeout: 120_000 }, () => {
  it('stops the server with what is wrong: the URL, or where PostgreSQL was not found and why', async () => {
    const port = await closedPort();
    const unreachable = await tool('src/server/main.ts', [], { DATABASE_URL: `postgres://borne:hunter2@127.0.0.1:${port}/borne` });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain(`cannot connect to PostgreSQL at 127.0.0.1:${port}: connect ECONNREFUSED`);
    const badUrl = await tool('src/server/main.ts', [], { DATABASE_URL: 'mysql://borne:hunter2@db/borne' });
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain('DATABASE_URL must start with sqlite:');
    const noDatabase = await tool('src/server/main.ts', [], { DATABASE_URL: 'postgres://borne:hunter2@db.example' });
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toContain('DATABASE_URL names no host or no database');
    for (const r of [unreachable, badUrl, noDatabase]) {
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr).not.toContain('hunter2');
    }
  });

  it('stops the commands the same way (staff, config, courrier)', async () => {
    const port = await closedPort();
    const env = { DATABASE_URL: `postgres://borne:hunter2@127.0.0.1:${port}/borne` };
    const dir = mkdtempSync(join(tmpdir(), 'borne-url-'));
    try {
      const results = [
        await tool('src/server/auth/staff-cli.ts', ['add', '--username', 'lucie', '--first-name', 'Lucie', '--role', 'admin-departement', '--password-stdin'], env, 'un mot de passe long\n'),
        await tool('src/server/config/config-cli.ts', ['export', '--config', dir], env),
        await tool('src/server/courrier/courrier-cli.ts', ['--dossier', '10000001', '--out', join(dir, 'c.svg')], env),
      ];
      for (const r of results) {
        expect(r.code, r.stderr).not.toBe(0);
        expect(r.stderr).toContain(`cannot connect to PostgreSQL at 127.0.0.1:${port}`);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        expect(r.stderr).not.toContain('hunter2');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
