import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { SupervisorController } from './supervisor.controller';

@Module({ imports: [WebCoreModule], controllers: [SupervisorController] })
export class SupervisorPagesModule {}
