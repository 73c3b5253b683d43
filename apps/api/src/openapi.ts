import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { INestApplication } from '@nestjs/common';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Travel CRM API')
      .setDescription('REST for the console and for booking systems. Errors are application/problem+json (RFC 9457).')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('crm_session')
      .build(),
  );
}
