import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypedConfig } from '@expediente/infra/infra.module';
import { Storage, STORAGE } from '@expediente/infra/storage/storage';
import { compile, page } from '../views/render';

const home = compile('home');

@Controller()
export class HomeController {
  constructor(
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async index(): Promise<string> {
    const status = (probe: Promise<unknown>) =>
      probe.then(
        () => 'up',
        () => 'down',
      );
    const apiDocsUrl = `${this.config.get('PUBLIC_BASE_URL', { infer: true }) ?? `http://localhost:${this.config.get('API_PORT', { infer: true })}`}/docs`;
    return page(
      'Inicio',
      home({
        storage: this.storage.description,
        eventStoreStatus: await status(this.storage.eventStore.ping()),
        readModelStatus: await status(this.storage.sql.query('SELECT 1')),
        apiDocsUrl,
      }),
    );
  }
}
