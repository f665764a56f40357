import { Module } from '@nestjs/common';
import { CaseWithdrawal } from './case-withdrawal.service';

/** What joins the filing and the review into one case: withdrawal, asked through either. */
@Module({ providers: [CaseWithdrawal], exports: [CaseWithdrawal] })
export class CaseLifecycleModule {}
