import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';

/**
 * Debian's nginx, run by a test with the site the README gives. The site is read from the README
 * itself (the ```nginx block of « Production: two instances behind nginx »), so the documented
 * configuration and the tested one cannot drift apart; a test changes only the ports, the
 * certificate paths and the upstream addresses.
 */
export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const README_SECTION = '## Production: two instances behind nginx';

/** The nginx site of the README's production section, as written there. */
export function readmeNginxSite(readmeFile = 'README.md'): string {
  const readme = readFileSync(readmeFile, 'utf8');
  const start = readme.indexOf(README_SECTION);
  if (start < 0) throw new Error(`${readmeFile} has no section "${README_SECTION}": the nginx test reads its site from there`);
  const block = /^```nginx\n([\s\S]*?)^```$/m.exec(readme.slice(start));
  if (!block?.[1]) throw new Error(`the section "${README_SECTION}" of ${readmeFile} has no \`\`\`nginx block`);
  return block[1];
}

export interface SiteSubstitution {
  /** The https port (443 in the README) and the http port that redirects (80). */
  httpsPort: number;
  httpPort: number;
  cert: string;
  key: string;
  /** Replaces the upstream's server lines, in order (an entry may carry parameters, e.g. "127.0.0.1:3002 backup"). */
  upstream: string[];
  /** Another name for the upstream, when a test runs two copies of the site side by side. */
  upstreamName?: string;
}

/** Replaces `pattern` and fails, naming what it looked for, when the README no longer has it. */
function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const count = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
  if (count !== 1) throw new Error(`the README's nginx site should have exactly one ${what} (found ${count}): update tests/support/nginx.ts with the README`);
  return text.replace(pattern, replacement);
}

/** The README's site with the test's ports, certificate and upstream; listening on loopback only. */
export function siteForTest(site: string, s: SiteSubstitution): string {
  let out = replaceOnce(site, /^(\s*)listen 443 /m, `$1listen 127.0.0.1:${s.httpsPort} `, '"listen 443 …" line');
  out = replaceOnce(out, /^(\s*)listen 80;/m, `$1listen 127.0.0.1:${s.httpPort};`, '"listen 80;" line');
  out = replaceOnce(out, /^(\s*)ssl_certificate \S+;/m, `$1ssl_certificate ${s.cert};`, 'ssl_certificate line');
  out = replaceOnce(out, /^(\s*)ssl_certificate_key \S+;/m, `$1ssl_certificate_key ${s.key};`, 'ssl_certificate_key line');
  const upstream = /^upstream borne \{\n([\s\S]*?)^\}/m.exec(out);
  if (!upstream?.[1]) throw new Error('the README\'s nginx site has no "upstream borne { … }" block');
  const lines = upstream[1].split('\n');
  const servers = lines.filter((l) => /^\s*server /.test(l));
  if (servers.length !== s.upstream.length) throw new Error(`the README's upstream has ${servers.length} servers, the test gives ${s.upstream.length}`);
  let i = 0;
  const body = lines.map((l) => (/^\s*server /.test(l) ? l.replace(/server [^;]+;/, `server ${s.upstream[i++]};`) : l)).join('\n');
  out = out.replace(upstream[0], `upstream borne {\n${body}}`);
  if (s.upstreamName) {
    out = out.replace(/^upstream borne \{/m, `upstream ${s.upstreamName} {`).replaceAll('proxy_pass http://borne;', `proxy_pass http://${s.upstreamName};`);
  }
  return out;
}

export interface Certificate {
  cert: string;
  key: string;
  /** The PEM, for a node client's `ca`. */
  pem: string;
  /** base64 SHA-256 of the public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
}

/** A throwaway self-signed certificate for localhost and 127.0.0.1, made by openssl. */
export function throwawayCertificate(dir: string): Certificate {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (made.error || made.status !== 0) {
    throw new Error(`openssl is needed for the nginx tests' certificate: install it with "apt-get install -y openssl" (${made.error?.message ?? made.stderr})`);
  }
  const pem = readFileSync(cert, 'utf8');
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { cert, key, pem, spki: createHash('sha256').update(der).digest('base64') };
}

export { freePort };

/** Resolves once something accepts connections on the port; rejects when `alive()` turns false or time runs out. */
export async function waitForPort(port: number, alive: () => string | null, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    const dead = alive();
    if (dead !== null) throw new Error(dead);
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    // A process starting up says nothing when it is ready; its port opening is the sign.
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface Nginx {
  prefix: string;
  /** nginx's error log so far (for a failing test's message). */
  errors(): string;
  /** The access log so far: one line a request, with the upstream that answered it. */
  accesses(): string;
  stop(): Promise<void>;
}

/**
 * Runs /usr/sbin/nginx in the foreground as a child of the test, with everything (pid, logs,
 * temporary files) in a prefix folder of its own. `sites` goes in the http context, as
 * /etc/nginx/sites-enabled/ does on Debian. As root the workers run as nobody, like a real
 * install runs them as www-data, never as root.
 */
export async function startNginx(sites: string, waitPorts: number[]): Promise<Nginx> {
  if (!existsSync(NGINX_PATH)) throw new Error(`nginx is missing at ${NGINX_PATH}: install it with "apt-get install -y nginx" (or set NGINX_PATH).`);
  const prefix = mkdtempSync(join(tmpdir(), 'borne-nginx-'));
  chmodSync(prefix, 0o755);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
  for (const t of temp) {
    mkdirSync(join(prefix, t));
    // The workers (nobody, as root) write large responses there.
    chmodSync(join(prefix, t), 0o777);
  }
  const root = process.getuid?.() === 0;
  const conf = [
    'daemon off;',
    'worker_processes 1;',
    root ? 'user nobody nogroup;' : '',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'error.log')} warn;`,
    'events { worker_connections 512; }',
    'http {',
    // What Debian's /etc/nginx/nginx.conf sets around the sites (gzip on included).
    '    sendfile on;',
    '    tcp_nopush on;',
    '    types_hash_max_size 2048;',
    existsSync('/etc/nginx/mime.types') ? '    include /etc/nginx/mime.types;' : '',
    '    default_type application/octet-stream;',
    '    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;',
    '    ssl_prefer_server_ciphers on;',
    '    gzip on;',
    // Which instance answered each request: the upstream's address and what it said.
    '    log_format borne \'$remote_addr "$request" $status upstream=$upstream_addr ($upstream_status)\';',
    `    access_log ${join(prefix, 'access.log')} borne;`,
    ...temp.map((t) => `    ${t}_temp_path ${join(prefix, t)};`),
    sites,
    '}',
  ].join('\n');
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, conf);
  let stderr = '';
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-c', confFile, '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = `nginx exited (${code ?? signal}): ${stderr}${readLog(prefix)}`;
      resolve();
    });
  });
  child.once('error', (error) => (exit = `nginx could not start: ${error.message}`));
  try {
    for (const port of waitPorts) await waitForPort(port, () => exit, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    prefix,
    errors: () => readLog(prefix),
    accesses: () => readLog(prefix, 'access.log'),
    async stop() {
      if (exit === null) {
        // SIGTERM is nginx's fast shutdown: open streams are cut, as a restart would.
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function readLog(prefix: string, file = 'error.log'): string {
  try {
    return readFileSync(join(prefix, file), 'utf8');
  } catch {
    return '';
  }
}

export interface H2Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface H2Client {
  /** The protocol TLS agreed on (ALPN): "h2" when nginx speaks HTTP/2. */
  readonly alpn: string | false | undefined;
  request(path: string, options?: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<H2Response>;
  /** Opens a stream and calls `onText` with each chunk as it arrives; resolves with its status once the headers are in. */
  stream(path: string, headers: Record<string, string>, onText: (text: string) => void): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; close(): void }>;
  close(): void;
}

/**
 * An HTTP/2 client over TLS that trusts only the throwaway certificate. `localAddress` binds the
 * client to another loopback address, so the server can tell the client's address from nginx's.
 */
export async function h2Client(origin: string, ca: string, localAddress = '127.0.0.1'): Promise<H2Client> {
  const { connect: h2connect } = await import('node:http2');
  const session = h2connect(origin, { ca, localAddress, ALPNProtocols: ['h2'] } as Parameters<typeof h2connect>[1]);
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  return {
    get alpn() {
      return session.alpnProtocol;
    },
    request(path, options = {}) {
      return new Promise((resolve, reject) => {
        const body = options.body === undefined ? undefined : JSON.stringify(options.body);
        const req = session.request({ ':method': options.method ?? 'GET', ':path': path, ...(body ? { 'content-type': 'application/json' } : {}), ...options.headers });
        let status = 0;
        let headers: H2Response['headers'] = {};
        let text = '';
        req.setEncoding('utf8');
        req.on('response', (h) => {
          status = Number(h[':status']);
          headers = h;
        });
        req.on('data', (chunk: string) => (text += chunk));
        req.on('end', () => resolve({ status, headers, body: text }));
        req.on('error', reject);
        req.end(body);
      });
    },
    stream(path, headers, onText) {
      return new Promise((resolve, reject) => {
        const req = session.request({ ':method': 'GET', ':path': path, accept: 'text/event-stream', ...headers });
        req.setEncoding('utf8');
        req.on('response', (h) => resolve({ status: Number(h[':status']), headers: h, close: () => req.close() }));
        req.on('data', (chunk: string) => onText(chunk));
        req.on('error', reject);
        req.end();
      });
    },
    close: () => session.close(),
  };
}
