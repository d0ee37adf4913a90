import { writeFileSync } from 'node:fs';
import { guideJsonSchema, siteJsonSchema } from './json-schema';

/** `npm run config:schema`: regenerates kiosk-config/schema/ from the zod schemas (a test checks they are current). */
for (const [target, text] of [
  ['kiosk-config/schema/site.schema.json', siteJsonSchema()],
  ['kiosk-config/schema/guide.schema.json', guideJsonSchema()],
] as const) {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
