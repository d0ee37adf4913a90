import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseEnrolmentCode, type EnrolmentRedeemed } from '../core/fleet/enrolment';

export const DEFAULT_TOKEN_FILE = '/etc/borne/kiosk-token';

/** A refusal the person can act on: printed as is, exit code 2, never a stack trace. */
export class EnrolError extends Error {}

export interface EnrolOutput {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `npm run kiosk -- enrol --server URL --code CODE [--token-file FILE]` on the kiosk PC.
 * The file is made writable first (an empty file, mode 0600), so a code is never spent on a PC
 * that could not keep its token; the token then replaces it in one rename. The token is never
 * printed: the person sees which kiosk this PC now is and the command that starts it.
 */
export async function enrol(args: string[], io: EnrolOutput, fetchImpl: typeof fetch = fetch): Promise<number> {
  try {
    const { values } = parseArgs({ args, options: { server: { type: 'string' }, code: { type: 'string' }, 'token-file': { type: 'string', default: DEFAULT_TOKEN_FILE } }, strict: true });
    const server = serverUrl(values.server);
    if (!values.code) throw new EnrolError('--code is missing: give the enrolment code shown in « Parc des bornes », for example --code K7M4-9QXR');
    const code = normaliseEnrolmentCode(values.code);
    if (!code) throw new EnrolError(`--code "${values.code}" is not an enrolment code: expected 8 letters and digits as shown in « Parc des bornes », for example K7M4-9QXR (the dash is optional)`);
    const file = values['token-file'];
    const pending = prepare(file);
    try {
      const { token, kiosk } = await redeem(server, code, fetchImpl);
      writeSync(pending.fd, `${token}\n`);
      closeSync(pending.fd);
      pending.fd = -1;
      renameSync(pending.path, file);
      const tokenFlag = file === DEFAULT_TOKEN_FILE ? '' : ` --token-file ${file}`;
      io.out(
        [
          `This PC is now the kiosk "${kiosk.label}" (${kiosk.id}) of the pôle ${kiosk.siteId}.`,
          `Its device token is in ${file} (readable by this user only). It is not shown: it works like a password.`,
          '',
          'Next, start the kiosk:',
          `  npm run kiosk -- launch --site ${kiosk.siteId} --kiosk ${kiosk.id} --server ${server.origin}${tokenFlag}`,
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      if (pending.fd >= 0) closeSync(pending.fd);
      rmSync(pending.path, { force: true });
    }
  } catch (error) {
    if (error instanceof EnrolError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nUsage: npm run kiosk -- enrol --server <url> --code <code> [--token-file FILE]\n`);
      return 2;
    }
    throw error;
  }
}

function serverUrl(value: string | undefined): URL {
  if (!value) throw new EnrolError('--server is missing: give the address kiosks use to reach Borne, for example --server http://10.0.0.5:8080');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EnrolError(`--server "${value}" is not an address: expected http:// or https://, a host and maybe a port, for example http://10.0.0.5:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EnrolError(`--server must start with http:// or https:// (got "${url.protocol}")`);
  return url;
}

/** Creates the folder and a private temporary file next to the token file, before the code is spent. */
function prepare(file: string): { path: string; fd: number } {
  const path = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
    return { path, fd: openSync(path, 'wx', 0o600) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied. Run it as root (sudo), or give --token-file in a folder you can write' : `${code ?? 'error'}`;
    throw new EnrolError(`cannot write the token file ${file}: ${why}. The code was not used: it still works.`);
  }
}

async function redeem(server: URL, code: string, fetchImpl: typeof fetch): Promise<EnrolmentRedeemed> {
  let response: Response;
  try {
    response = await fetchImpl(new URL('/api/kiosk/enrol', server), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const reason = (error as { cause?: { code?: string; message?: string } }).cause;
    const cause = reason?.code ?? reason?.message ?? (error as Error).message;
    throw new EnrolError(`cannot reach Borne at ${server.origin} (${cause}): check the address and that this PC is on the pôle's network. The code was not used: it still works.`);
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; details?: { retryAfterSeconds?: number } } } | EnrolmentRedeemed | undefined;
  if (response.ok && body && 'token' in body && typeof body.token === 'string') return body;
  const refusal = body && 'error' in body ? body.error : undefined;
  if (refusal?.code === 'enrolment_locked') {
    const minutes = Math.ceil((refusal.details?.retryAfterSeconds ?? 60) / 60);
    throw new EnrolError(`Borne refused: too many wrong codes were tried. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}, with the code as shown in « Parc des bornes ».`);
  }
  if (refusal?.message) throw new EnrolError(`Borne refused the code: ${refusal.message}`);
  throw new EnrolError(`${server.origin} answered ${response.status} without a Borne answer: is it the address of the Borne server?`);
}
