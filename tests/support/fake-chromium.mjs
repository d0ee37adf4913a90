// Stands in for Chromium in the launcher's tests: records its arguments, writes a "cookie" in
// its profile folder, then runs until killed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
writeFileSync(join(process.env.FAKE_CHROMIUM_LOG, `${process.pid}.json`), JSON.stringify(args));
const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
if (profile) writeFileSync(join(profile, 'Cookies'), 'session=someone');
// FAKE_CHROMIUM_CRASH: dies at once, as Chromium does with no display to open.
if (process.env.FAKE_CHROMIUM_CRASH) process.exit(1);
setInterval(() => undefined, 1000);
