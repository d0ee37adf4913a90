import { z } from 'zod';
import { guideSchema } from '../../core/guides/guide.schema';
import { siteConfigSchema } from '../../core/site/site-config';

const toJson = (schema: z.ZodType, title: string) =>
  `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }), title }, null, 2)}\n`;

/** The JSON Schema editors use to autocomplete and check kiosk-config/sites/*.json. */
export function siteJsonSchema(): string {
  return toJson(siteConfigSchema, 'Borne site (pôle social) configuration');
}

/** The same for kiosk-config/guides/*.json. */
export function guideJsonSchema(): string {
  return toJson(guideSchema, 'Borne guided démarche');
}
