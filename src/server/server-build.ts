import { existsSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

/**
 * Compiles the server and its command-line tools to plain JavaScript, so production runs
 * `node dist/server/main.js` with no TypeScript loader. Rolldown (the bundler Vite already uses)
 * strips the types and keeps ONE OUTPUT FILE PER SOURCE FILE, with the source tree's depth:
 * src/server/agenda/messages.ts becomes dist/server/agenda/messages.js, so code that reads files
 * next to itself (`new URL('../../../locales/…', import.meta.url)`) finds the same files. For the
 * same reason the output is always <project>/dist, whatever BORNE_DIST says (that only moves the
 * front ends). Packages stay in node_modules: only our own modules are compiled.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The entry points: the server and the tools an install runs (npm run staff, config:import…). */
export const SERVER_ENTRIES = [
  'server/main.ts',
  'server/config/check-cli.ts',
  'server/config/config-cli.ts',
  'server/auth/staff-cli.ts',
  'server/courrier/courrier-cli.ts',
  'server/store/backup-cli.ts',
  'server/store/copy-cli.ts',
  'launcher/kiosk-cli.ts',
];

/** What the build writes under its output folder (the top folders of src/ it compiles). */
const OUTPUT_DIRS = ['server', 'core', 'launcher'];

/** node:fs, fastify, better-sqlite3…: left to Node's resolution at run time. */
function isPackage(id: string): boolean {
  return !id.startsWith('.') && !isAbsolute(id);
}

export async function buildServer(options: { root?: string; outDir?: string } = {}): Promise<string[]> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist');
  const entries = SERVER_ENTRIES.filter((entry) => existsSync(join(root, 'src', entry)));
  for (const dir of OUTPUT_DIRS) rmSync(join(outDir, dir), { recursive: true, force: true });
  const bundle = await rolldown({
    cwd: root,
    input: entries.map((entry) => join(root, 'src', entry)),
    platform: 'node',
    external: isPackage,
    tsconfig: join(root, 'tsconfig.node.json'),
    logLevel: 'warn',
  });
  try {
    await bundle.write({
      dir: outDir,
      format: 'esm',
      preserveModules: true,
      preserveModulesRoot: join(root, 'src'),
      entryFileNames: '[name].js',
      // Production stack traces point at the TypeScript lines (node --enable-source-maps).
      sourcemap: true,
    });
  } finally {
    await bundle.close();
  }
  return entries.map((entry) => join(outDir, entry.replace(/\.ts$/, '.js')));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer().then(
    (outputs) => process.stdout.write(`server: ${outputs.length} entry points compiled to dist/ (npm run serve runs dist/server/main.js)\n`),
    (error: unknown) => {
      process.stderr.write(`server build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
