import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { OperatorController } from './operator.controller';

@Module({ imports: [WebCoreModule], controllers: [OperatorController] })
export class OperatorPagesModule {}
