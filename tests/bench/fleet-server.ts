import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Fastify from 'fastify';
import { configWith, TEST_DIST } from '../support/e2e';
import { startTestServer } from '../support/server';

/**
 * The server side of the fleet bench, in its own process so the load generator and the browser
 * do not share its event loop or its CPU count. `bare` serves one empty route instead: the floor
 * a heartbeat cannot go under (HTTP parsing and Fastify's routing alone). On the line "cpu" it
 * prints its own process.cpuUsage() (µs): the parent measures the server's CPU, not its own.
 */
const mode = process.argv[2] ?? 'borne';
let base: string;
let tokens: Record<string, string> = {};
if (mode === 'bare') {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });
  app.post('/api/kiosk/heartbeat', async (_request, reply) => reply.code(204).send());
  base = await app.listen({ port: 0, host: '127.0.0.1' });
} else {
  if (!existsSync(join(TEST_DIST, 'staff/index.html'))) throw new Error(`The fleet bench opens the console in Chromium: build it first ("npm run build", or BORNE_DIST=${TEST_DIST}).`);
  const per = Number(process.argv[3] ?? 100);
  const configDir = configWith((siteId, site) => {
    site.kiosks = Array.from({ length: per }, (_, i) => ({ id: `${siteId}-${i + 1}`, label: `Poste ${i + 1}` }));
  });
  // The real sweep every 2 s, as in production: its cost is part of what presence costs.
  const server = await startTestServer({ configDir, distDir: TEST_DIST, sweepIntervalMs: 2000 });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  tokens = Object.fromEntries(server.kioskTokens);
}
process.stdout.write(`${JSON.stringify({ base, tokens })}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'cpu') process.stdout.write(`${JSON.stringify({ cpu: process.cpuUsage() })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
