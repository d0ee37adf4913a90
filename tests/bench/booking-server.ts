import { loadSites } from '../../src/server/config/site-loader';
import { startTestServer } from '../support/server';

/**
 * The server side of the booking bench, in its own process so the load generator does not
 * share its event loop. Prints the address and the demo kiosk tokens as one JSON line.
 */
// The bench books thousands of slots from one kiosk per pôle with one phone number: the site's
// booking limits (booking.maxLivePerPhone, maxPerKioskPerHour) are lifted so it measures the
// booking path itself, not the refusal of the 3rd booking.
const sites = new Map([...loadSites('kiosk-config')].map(([id, site]) => [id, { ...site, booking: { maxLivePerPhone: 1e9, maxLivePerDossier: 1e9, maxPerKioskPerHour: 1e9 } }]));
const server = await startTestServer({ sites });
const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ base, tokens: Object.fromEntries(server.kioskTokens) })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
