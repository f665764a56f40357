import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Response } from 'express';
import { TypedConfig } from '@expediente/infra/infra.module';
import { Storage, STORAGE } from '@expediente/infra/storage/storage';
import { sendPage } from '../views';
import { Web, WebContext } from '../web-context';

/** The front door: who the service is for, where each of them starts, and whether it is up. */
@Controller()
export class HomeController {
  constructor(
    @Inject(STORAGE) private readonly storage: Storage,
    @Inject(ConfigService) private readonly config: TypedConfig,
  ) {}

  @Get()
  async index(@Web() web: WebContext, @Res() res: Response): Promise<void> {
    const status = (probe: Promise<unknown>) =>
      probe.then(
        () => 'up',
        () => 'down',
      );
    const apiDocsUrl = `${this.config.get('PUBLIC_BASE_URL', { infer: true }) ?? `http://localhost:${this.config.get('API_PORT', { infer: true })}`}/docs`;
    sendPage(
      res,
      web,
      'home',
      {
        storage: this.storage.description,
        eventStoreStatus: await status(this.storage.eventStore.ping()),
        readModelStatus: await status(this.storage.sql.query('SELECT 1')),
        apiDocsUrl,
      },
      { title: 'home.title' },
    );
  }
}
