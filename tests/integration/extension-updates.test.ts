import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The server hands the companion extension to the kiosks' Chromium: the update manifest the
 * policy points at, with the packed version, and the CRX it names.
 */
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serverWithPack(pack: { id: string; version: string } | null): Promise<TestServer> {
  const packDir = mkdtempSync(join(tmpdir(), 'borne-pack-'));
  if (pack) {
    writeFileSync(join(packDir, 'borne.json'), JSON.stringify(pack));
    writeFileSync(join(packDir, 'borne.crx'), Buffer.from('Cr24 packed extension'));
  }
  const server = await startTestServer({ extensionPackDir: packDir });
  servers.push(server);
  return server;
}

describe('the companion extension’s update manifest', () => {
  it('names the packed extension, its version and where to fetch it, on the address the kiosk used', async () => {
    const server = await serverWithPack({ id: 'abcdefghijklmnopabcdefghijklmnop', version: '1.4.2' });
    const xml = await server.app.inject({ method: 'GET', url: '/extension/updates.xml', headers: { host: '10.0.0.5:8080' } });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain("<app appid='abcdefghijklmnopabcdefghijklmnop'>");
    expect(xml.body).toContain("<updatecheck codebase='http://10.0.0.5:8080/extension/borne.crx?v=1.4.2' version='1.4.2' />");
    const crx = await server.app.inject({ method: 'GET', url: '/extension/borne.crx?v=1.4.2' });
    expect(crx.statusCode).toBe(200);
    expect(crx.headers['content-type']).toBe('application/x-chrome-extension');
    expect(crx.body).toBe('Cr24 packed extension');
  });

  it('says how to pack it when it is not packed, or its description is damaged', async () => {
    for (const pack of [null, { id: 'not-an-id', version: '1' }]) {
      const server = await serverWithPack(pack);
      for (const url of ['/extension/updates.xml', '/extension/borne.crx']) {
        const response = await server.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ error: { code: 'extension_not_packed', message: expect.stringContaining('npm run kiosk -- keygen') } });
      }
    }
  });
});
