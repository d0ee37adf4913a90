import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

async function start(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  try {
    await run(TSX, ['src/server/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

// Each case starts a real process (tsx compiles on the fly): give it time on a slow machine.
describe('server start refuses bad settings with the fix, never a stack trace', { timeout: 60_000 }, () => {
  it('stops on a bad site file, naming the file, the field and the expected value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-badconfig-'));
    cpSync('kiosk-config', dir, { recursive: true });
    const file = join(dir, 'sites', 'chatillon.json');
    const site = JSON.parse(readFileSync(file, 'utf8')) as { idle: { answerSeconds: number } };
    site.idle.answerSeconds = 5;
    writeFileSync(file, JSON.stringify(site));
    const { code, stderr } = await start(['--config', dir], { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` });
    expect(code).toBe(1);
    expect(stderr).toContain('chatillon.json: idle.answerSeconds: expected at least 20 seconds');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on a bad PORT or an unknown option', async () => {
    const port = await start([], { PORT: 'eighty' });
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('PORT must be a number');
    const option = await start(['--colour'], { PORT: '0' });
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("Unknown option '--colour'");
  });
});
