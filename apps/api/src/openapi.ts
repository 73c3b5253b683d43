import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';

const DESCRIPTION = `REST for the console and for booking systems.

**Calling it from a booking system.** An administrator creates an API key in the console (or \`POST /api/v1/api-keys\`)
with the scopes you need — \`bookings:write\`, \`customers:read\`, \`complaints:write\` — and you send it as
\`Authorization: Bearer <key>\`. Each key may send 50 requests/s (bursts of 100); beyond that the answer is 429 with
\`Retry-After\`. A revoked or expired key gets 401.

**Bookings in.** \`PUT /api/v1/bookings/{source}/{externalId}\` with the booking as it is now in your system: 201 when
created, 200 when updated or unchanged. Sending the same request again changes nothing, so retry freely. The customer
is resolved by (source, customer.externalId), then by phone (normalised, default region CN), then by email; otherwise
a customer is created. \`POST /api/v1/bookings/batch\` takes up to 1000 such items; each item gets the status it would
have had alone (201, 200 or 422 with its errors), one bad item does not stop the others, and the whole batch is safe to
retry.

**Conventions.** Times are ISO-8601 with an offset; dates are YYYY-MM-DD; money is \`{ "value": <integer minor units>,
"currency": "CNY" }\`. Lists take \`limit\` (≤ 500) and \`cursor\` and answer \`{ items, nextCursor }\`. Errors are
\`application/problem+json\` (RFC 9457) with field-level \`errors\` on 422.`;

/** The errors any operation may answer, documented once instead of on every route. */
const ERRORS: Record<string, string> = {
  '400': 'Malformed JSON',
  '401': 'No or bad credentials (also a revoked or expired API key)',
  '403': 'Not allowed for this role or key scope',
  '404': 'Not found, or not visible to the caller',
  '409': 'Conflicts with the current state',
  '413': 'Body too large',
  '422': 'Valid JSON that breaks a rule; `errors` lists each field',
  '429': 'Rate limited; see the Retry-After header',
  '503': 'A dependency (database, queue) is down',
};

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Travel CRM API')
      .setDescription(DESCRIPTION)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A staff session token (from /auth/login) or an API key' })
      .addCookieAuth('crm_session')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('cookie')
      .build(),
  );
  doc.components = {
    ...doc.components,
    schemas: {
      ...doc.components?.schemas,
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          errors: { type: 'array', items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
    },
  };
  for (const path of Object.values(doc.paths)) {
    for (const op of Object.values(path)) {
      if (typeof op !== 'object' || !op || !('responses' in op)) continue;
      for (const [status, description] of Object.entries(ERRORS)) {
        op.responses[status] ??= { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
      }
    }
  }
  return doc;
}
