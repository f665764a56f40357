import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler, IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { VerificationRun, VerificationRuns } from '@expediente/infra/log-integrity/verification-runs';
import { ApiProblem } from '../../problem/api-problem';

export class StartLogVerification extends Command<VerificationRun> {
  constructor(readonly requestedBy: string) {
    super();
  }
}

@CommandHandler(StartLogVerification)
export class StartLogVerificationHandler implements ICommandHandler<StartLogVerification> {
  constructor(@Inject(VerificationRuns) private readonly runs: VerificationRuns) {}

  execute({ requestedBy }: StartLogVerification): Promise<VerificationRun> {
    return this.runs.start(requestedBy);
  }
}

export class ViewLogVerification extends Query<VerificationRun> {
  constructor(readonly id: string) {
    super();
  }
}

@QueryHandler(ViewLogVerification)
export class ViewLogVerificationHandler implements IQueryHandler<ViewLogVerification> {
  constructor(@Inject(VerificationRuns) private readonly runs: VerificationRuns) {}

  async execute({ id }: ViewLogVerification): Promise<VerificationRun> {
    const run = await this.runs.find(id);
    if (!run) {
      throw new ApiProblem(
        404,
        'VERIFICATION_NOT_FOUND',
        'No such verification',
        `No verification ${id} was started.`,
      );
    }
    return run;
  }
}
