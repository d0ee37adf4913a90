import { z } from 'zod';
import { siteConfigSchema } from '../../core/site/site-config';

/** The JSON Schema editors use to autocomplete and check kiosk-config/sites/*.json. */
export function siteJsonSchema(): string {
  const schema = z.toJSONSchema(siteConfigSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Borne site (pôle social) configuration' }, null, 2)}\n`;
}
