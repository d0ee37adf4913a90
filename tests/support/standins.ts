import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Stand-ins for the official sites, served over https on loopback under their real host names
 * (Chromium is started with --host-resolver-rules and --ignore-certificate-errors). Each page
 * names the host it plays, so a test sees where it landed. The certificate is made with openssl.
 */
export interface StandIns {
  port: number;
  url(host: string, path?: string): string;
  /** Chromium flags that send these hosts to the stand-ins. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

export async function startStandIns(hosts: readonly string[]): Promise<StandIns> {
  const dir = mkdtempSync(join(tmpdir(), 'borne-standin-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`openssl is needed to make the stand-ins' certificate: install it with "apt-get install -y openssl" (${(error as Error).message})`);
  }
  const server: Server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // The script's window is opened with noopener: with an opener it would share the page's
    // renderer, which Playwright holds paused for its new target, a test artefact, not the kiosk's.
    res.end(`<!doctype html><html lang="fr"><head><title>Stand-in ${host}</title></head><body><h1>Stand-in ${host}</h1><p id="path">${req.url ?? '/'}</p><p><a href="/nouvelle-fenetre" target="_blank">Ouvrir dans une nouvelle fenêtre</a></p><p><button type="button" onclick="window.open('/par-script', 'fenetre', 'noopener,width=400,height=300')">Ouvrir par un script</button></p></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    // The official address itself (port 443, as a guide's « Ouvrir le site » links it) reaches the
    // stand-in too: the resolver rules map the port as well as the host.
    url: (host, path = '/') => `https://${host}${path}`,
    chromiumArgs: [`--host-resolver-rules=${hosts.map((h) => `MAP ${h}:443 127.0.0.1:${port}, MAP ${h} 127.0.0.1`).join(', ')}`, '--ignore-certificate-errors'],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
