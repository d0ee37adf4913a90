import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The text files a front end is made of; fonts (woff2) and images are compressed already. */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.ics']);

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of a built front end, at the highest
 * levels: done once at build time, so the server sends them (static.plugin.ts, preCompressed)
 * without compressing anything per request. A variant no smaller than the file is not written:
 * the server then sends the plain file.
 */
export async function precompressDir(dir: string): Promise<{ files: number; bytes: number; br: number; gzip: number }> {
  const totals = { files: 0, bytes: 0, br: 0, gzip: 0 };
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  await Promise.all(
    entries
      .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name)))
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        const plain = await readFile(path);
        const [br, gzipped] = await Promise.all([
          brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
          gz(plain, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        totals.files++;
        totals.bytes += plain.length;
        if (br.length < plain.length) await writeFile(`${path}.br`, br);
        if (gzipped.length < plain.length) await writeFile(`${path}.gz`, gzipped);
        totals.br += Math.min(br.length, plain.length);
        totals.gzip += Math.min(gzipped.length, plain.length);
      }),
  );
  return totals;
}
