import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { InfraModuleOptions } from '@expediente/infra/infra.module';
import { createHttpApp } from '@expediente/infra/bootstrap';
import { publiclyCacheable } from '@expediente/infra/http/http-hardening';
import { ApiModule } from './api.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { jsonSchemaOf } from './openapi/json-schema';
import { problemSchema } from './openapi/problem.schema';

/** The API as an app not yet listening: main.ts, npm start and the e2e tests all build it here. */
export async function createApiApp(options: InfraModuleOptions = {}): Promise<INestApplication> {
  const app = await createHttpApp('api', ApiModule.forRoot(options), { filter: new ProblemDetailsFilter() });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Expediente API')
      .setDescription(
        'Electronic register, case status and medical-unit work for the social-security e-office',
      )
      .setVersion('0.1.0')
      .setLicense('Proprietary', 'https://expediente.example/license')
      .addServer(app.get(ConfigService).get<string>('PUBLIC_BASE_URL') ?? 'http://localhost:3000')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: jsonSchemaOf(problemSchema, 'output') },
  };
  // The API reference is the same for everyone: browsers and proxies may keep it.
  publiclyCacheable(app, '/docs', 300);
  SwaggerModule.setup('docs', app, document);
  return app;
}
