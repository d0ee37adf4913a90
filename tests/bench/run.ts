import { helpLatencyBench } from './help-latency';
import { helpLatencyPgBench } from './help-latency-pg';
import { bookingBench } from './booking';
import { sessionResetBench } from './session-reset';
import { slotsBench } from './slots';
import { signInFloodBench } from './sign-in-flood';
import { fleetBench } from './fleet';
import { scaleBench } from './scale';
import { speechBench } from './speech';
import { frontendBench } from './frontend';
import { sessionStartBench } from './session-start';

/**
 * `npm run bench`: runs every benchmark, prints one JSON document, and exits non-zero when a
 * target is missed. Benchmarks are not tests: a slow machine never fails `npm test`.
 */
const benches = [helpLatencyBench, helpLatencyPgBench, slotsBench, bookingBench, sessionResetBench, signInFloodBench, fleetBench, scaleBench, speechBench, frontendBench, () => sessionStartBench()];

const results = [];
for (const bench of benches) results.push(await bench());
process.stdout.write(`${JSON.stringify({ results }, null, 2)}\n`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
