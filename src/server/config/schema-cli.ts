import { writeFileSync } from 'node:fs';
import { siteJsonSchema } from './json-schema';

/** `npm run config:schema`: regenerates kiosk-config/schema/ from the zod schemas (a test checks it is current). */
const target = 'kiosk-config/schema/site.schema.json';
writeFileSync(target, siteJsonSchema());
process.stdout.write(`wrote ${target}\n`);
