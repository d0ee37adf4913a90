import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentCodeView } from '../../src/core/fleet/enrolment';
import { staffCookie, startTestServer, type TestServer } from '../support/server';

/** The real CLI, as IT runs it on a kiosk PC: a child process, over real HTTP on loopback. */
const TSX = join('node_modules', '.bin', 'tsx');
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['src/launcher/kiosk-cli.ts', 'enrol', ...args], { env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let server: TestServer;
let base: string;
let dir: string;
beforeAll(async () => {
  server = await startTestServer();
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'borne-enrol-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

async function newKiosk(label: string): Promise<EnrolmentCodeView> {
  const res = await server.app.inject({ method: 'POST', url: '/api/staff/sites/chatillon/kiosks', headers: await staffCookie(server.app, 'admin'), payload: { label } });
  return res.json<EnrolmentCodeView>();
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |Error:/);

describe('npm run kiosk -- enrol', () => {
  it('writes the token file (0600, folder created), never prints the token, says what to run next; the code then is spent', async () => {
    const view = await newKiosk('Poste du hall');
    const file = join(dir, 'etc', 'borne', 'kiosk-token');
    const first = await cli('--server', base, '--code', view.code.toLowerCase().replace('-', ''), '--token-file', file);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const token = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.stdout + first.stderr).not.toContain(token);
    expect(first.stdout).toContain(`npm run kiosk -- launch --site chatillon --kiosk ${view.kiosk.id} --server ${base} --token-file ${file}`);
    const me = await fetch(`${base}/api/kiosk/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { kiosk: { id: string } }).kiosk.id).toBe(view.kiosk.id);

    const second = await cli('--server', base, '--code', view.code, '--token-file', join(dir, 'other-token'));
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('Borne refused the code: This enrolment code is not valid');
    noStack(second.stderr);
    // The file of the first PC is untouched.
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
  }, 60_000);

  it('says clearly what is wrong, with exit code 2 and no stack: bad address, bad code, no server, unwritable file', async () => {
    const view = await newKiosk('Poste de secours');
    const aFile = join(dir, 'a-file');
    writeFileSync(aFile, '');
    // A loopback port nobody listens on any more.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const closed = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((r) => probe.close(() => r()));
    const [badUrl, badCode, network, unwritable] = await Promise.all([
      cli('--server', 'not a url', '--code', view.code),
      cli('--server', base, '--code', 'HELLO'),
      cli('--server', closed, '--code', view.code, '--token-file', join(dir, 'net-token')),
      cli('--server', base, '--code', view.code, '--token-file', join(aFile, 'kiosk-token')),
    ]);
    for (const r of [badUrl, badCode, network, unwritable]) {
      expect(r.code).toBe(2);
      noStack(r.stderr);
    }
    expect(badUrl.stderr).toContain('--server "not a url" is not an address');
    expect(badCode.stderr).toContain('--code "HELLO" is not an enrolment code');
    expect(network.stderr).toContain(`cannot reach Borne at ${closed} (ECONNREFUSED)`);
    expect(unwritable.stderr).toContain(`cannot write the token file ${join(aFile, 'kiosk-token')}`);
    // None of them spent the code.
    const ok = await cli('--server', base, '--code', view.code, '--token-file', join(dir, 'late-token'));
    expect(ok.code).toBe(0);
  }, 60_000);
});
