import { bookingBench } from './booking';

/** Runs the booking bench alone (npx tsx tests/bench/booking-run.ts): one JSON line, exit 1 on a miss. */
const result = await bookingBench();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exitCode = result.ok ? 0 : 1;
