import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { StaffActionsController } from './actions.controller';
import { StaffCaseController } from './case.controller';
import { StaffQueueController } from './queue.controller';

/** The medical unit's workbench for reviewers: queues, the case, and each action on it. */
@Module({
  imports: [WebCoreModule],
  controllers: [StaffQueueController, StaffActionsController, StaffCaseController],
})
export class StaffReviewerPagesModule {}
