// Stands in for Chromium in the launcher's tests: records its arguments, writes a "cookie" in
// its profile folder, then runs until killed.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
// Written aside, then renamed: the test reads the folder while runs start, and must never see half a file.
const log = join(process.env.FAKE_CHROMIUM_LOG, `${process.pid}.json`);
writeFileSync(`${log}.part`, JSON.stringify(args));
renameSync(`${log}.part`, log);
const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
if (profile) writeFileSync(join(profile, 'Cookies'), 'session=someone');
// FAKE_CHROMIUM_CRASH: dies at once, as Chromium does with no display to open.
if (process.env.FAKE_CHROMIUM_CRASH) process.exit(1);
setInterval(() => undefined, 1000);
