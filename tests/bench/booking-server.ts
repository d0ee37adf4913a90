import { startTestServer } from '../support/server';

/**
 * The server side of the booking bench, in its own process so the load generator does not
 * share its event loop. Prints the address and the demo kiosk tokens as one JSON line.
 */
const server = await startTestServer();
const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ base, tokens: Object.fromEntries(server.kioskTokens) })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
