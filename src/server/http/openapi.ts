import { z } from 'zod';
import { routeRegistry } from './route';

/** Builds the OpenAPI 3.1 description from the declared routes and their zod schemas. */
export function openApiDocument(version: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routeRegistry) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const params = r.params instanceof z.ZodObject ? Object.keys(r.params.shape) : [];
    const entry = (paths[path] ??= {});
    entry[r.method.toLowerCase()] = {
      summary: r.summary,
      security: r.auth === 'kiosk' ? [{ kioskToken: [] }] : r.auth === 'staff' ? [{ staffSession: [] }] : [],
      parameters: [
        ...params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        ...(r.query instanceof z.ZodObject ? Object.entries(r.query.shape).map(([name, schema]) => ({ name, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: { type: 'string' } })) : []),
      ],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      responses: {
        '2XX': { description: r.returns ?? 'Success' },
        '4XX': { description: 'The request was refused; the body is { error: { code, message, fields?, details? } }' },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Borne API', version },
    components: {
      securitySchemes: {
        kioskToken: { type: 'http', scheme: 'bearer', description: 'The kiosk token issued at enrolment' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'borne_staff', description: 'Set by POST /api/staff/session. POST, PUT and DELETE with it must come from the server\'s own pages (Sec-Fetch-Site: same-origin, or our Origin) with no Content-Type or JSON: 403 cross_site, 415 otherwise' },
      },
    },
    paths,
  };
}
