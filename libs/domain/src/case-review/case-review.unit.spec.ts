import { fromOutside, spec } from '../shared/given-when-then.testing';
import { ICAM } from '../reference/provinces';
import type { CaseReviewEvent } from './case-review.events';
import type { CloseCase, ProvideInformation, ResolveCase } from './case-review.commands';
import { caseReviewDecider } from './case-review.decider';
import { evolve, initialState, resolvedAtOf } from './case-review.state';
import {
  MADRID_UNIT,
  STAFF,
  assigned,
  caseId,
  citizen,
  command,
  document,
  evaluated,
  expired,
  filer,
  issued,
  now,
  opened,
  provided,
  requested,
  resolved,
  staff,
  stranger,
  subject,
  supervisor,
  system,
} from './case-review.fixtures.testing';

const given = spec(caseReviewDecider).given;
const rosa = () => staff(STAFF.rosa);
const luis = () => staff(STAFF.luis);

const openReview = () =>
  command(
    'OpenReview',
    {
      procedure: 'medical-report-submission',
      provinceCode: '28',
      unit: MADRID_UNIT,
      subject,
      filer,
      routedAt: now,
    },
    system(),
  );
const assign = (reviewerId: string, metadata = supervisor(), reason?: string, unit = 'INSS-28') =>
  command('AssignReviewer', { reviewer: { id: reviewerId, unit }, ...(reason ? { reason } : {}) }, metadata);
const request = (metadata = rosa(), data: { requested?: string; dueOn?: string } = {}) =>
  command(
    'RequestInformation',
    { requested: 'Informe de neurología actualizado', dueOn: '2026-12-09', ...data },
    metadata,
  );
const provide = (metadata = citizen(filer), data: Partial<Omit<ProvideInformation['data'], 'caseId'>> = {}) =>
  command<ProvideInformation>(
    'ProvideInformation',
    { attachments: [document(1)], otpVerified: false, ...data },
    metadata,
  );
const evaluate = (metadata = rosa(), findings = 'Limitación funcional moderada') =>
  command('EvaluateCase', { findings }, metadata);
const resolve = (metadata = rosa(), data: Partial<Omit<ResolveCase['data'], 'caseId'>> = {}) =>
  command<ResolveCase>(
    'ResolveCase',
    {
      outcome: 'partially-granted',
      grounds: 'Se reconoce la incapacidad permanente parcial',
      legalBasis: 'Art. 194 LGSS',
      ...data,
    },
    metadata,
  );
const withdraw = (metadata = citizen(filer), reason?: string) =>
  command('WithdrawReview', reason ? { reason } : {}, metadata);
const issue = (documentHash = issued.data.documentHash) =>
  command(
    'RecordResolutionIssued',
    {
      documentHash,
      signatureHash: issued.data.signatureHash,
      csv: issued.data.csv,
      issuedAt: now,
      paperCopy: true,
    },
    system(),
  );
const close = () =>
  command<CloseCase>(
    'CloseCase',
    { notificationId: 'notification-1', notificationOutcome: 'accepted', notifiedAt: now },
    system('2026-11-30T10:00:00.000Z'),
  );

const atRosa = [opened, assigned()];
const closed = (): CaseReviewEvent => ({
  type: 'CaseClosed',
  data: {
    caseId,
    notificationId: 'notification-1',
    notificationOutcome: 'accepted',
    notifiedAt: now,
    closedAt: now,
  },
});

describe('case review: opening', () => {
  it('opens a review on its own stream when the filing is routed to the unit', () =>
    given([]).when(openReview()).then([opened]));

  it('refuses opening the same case twice', () =>
    given([opened]).when(openReview()).thenThrows('REVIEW_ALREADY_OPEN', { kind: 'conflict' }));

  it('refuses acting on a case that never reached a unit', () =>
    given([]).when(assign(STAFF.rosa)).thenThrows('REVIEW_NOT_FOUND', { kind: 'not-found' }));
});

describe('case review: assignment', () => {
  it('lets a supervisor assign an open case to a reviewer of the unit', () =>
    given([opened]).when(assign(STAFF.rosa)).then([assigned()]));

  it('lets a supervisor reassign, recording the previous reviewer and why', () =>
    given(atRosa)
      .when(assign(STAFF.luis, supervisor(), ' Baja médica '))
      .then([assigned(STAFF.luis, STAFF.rosa, 'Baja médica')]));

  it('refuses a reassignment without a reason', () =>
    given(atRosa)
      .when(assign(STAFF.luis))
      .thenThrows('REASSIGNMENT_REASON_REQUIRED', { kind: 'validation' }));

  it('lets a reviewer take an unassigned case of their unit', () =>
    given([opened])
      .when(assign(STAFF.rosa, rosa()))
      .then([{ ...assigned(), data: { ...assigned().data, assignedBy: STAFF.rosa } } as CaseReviewEvent]));

  it('refuses a reviewer assigning a case to someone else', () =>
    given([opened])
      .when(assign(STAFF.luis, rosa()))
      .thenThrows('ONLY_SUPERVISOR_MAY_ASSIGN', { kind: 'forbidden' }));

  it('refuses a reviewer taking a case already assigned', () =>
    given(atRosa)
      .when(assign(STAFF.luis, luis(), 'Lo llevo yo'))
      .thenThrows('CASE_ALREADY_ASSIGNED'));

  it('refuses assigning the reviewer it is already assigned to', () =>
    given(atRosa)
      .when(assign(STAFF.rosa, supervisor(), 'otra vez'))
      .thenThrows('ALREADY_ASSIGNED_TO_REVIEWER'));

  it('refuses assigning a reviewer of another unit', () =>
    given([opened])
      .when(assign(STAFF.icam, supervisor(), undefined, 'ICAM'))
      .thenThrows('WRONG_UNIT', { facts: { reviewerUnit: 'ICAM' } }));

  it('refuses ICAM staff acting on an INSS case', () =>
    given([opened])
      .when(assign(STAFF.icam, staff(STAFF.icam, ['supervisor'], { unit: 'ICAM' }), undefined, 'ICAM'))
      .thenThrows('WRONG_UNIT', { facts: { caseUnit: 'INSS-28', actorUnit: 'ICAM' } }));

  it('refuses INSS staff acting on an ICAM case', () => {
    const icamCase: CaseReviewEvent = {
      ...opened,
      data: { ...opened.data, provinceCode: '08', unit: ICAM },
    } as CaseReviewEvent;
    given([icamCase])
      .when(assign(STAFF.rosa))
      .thenThrows('WRONG_UNIT', { facts: { caseUnit: 'ICAM', actorUnit: 'INSS-28' } });
  });

  it('refuses staff whose token names no unit', () =>
    given([opened])
      .when(assign(STAFF.rosa, staff(STAFF.supervisor, ['supervisor'], { unit: undefined })))
      .thenThrows('WRONG_UNIT'));

  it('refuses anyone who is not staff of a unit', () =>
    given([opened])
      .when(assign(filer, citizen(filer)))
      .thenThrows('NOT_UNIT_STAFF', { kind: 'forbidden' }));

  it('hands the work to the new reviewer: the previous one may no longer act', () => {
    const reassigned = [...atRosa, assigned(STAFF.luis, STAFF.rosa, 'Baja médica')];
    given(reassigned).when(evaluate(rosa())).thenThrows('NOT_ASSIGNED_TO_YOU');
    given(reassigned)
      .when(evaluate(luis()))
      .then([{ ...evaluated, data: { ...evaluated.data, evaluatedBy: STAFF.luis } } as CaseReviewEvent]);
  });

  it('keeps a case waiting on the citizen waiting when it is reassigned', () =>
    given([...atRosa, requested(), assigned(STAFF.luis, STAFF.rosa, 'Baja médica')])
      .when(evaluate(luis()))
      .thenThrows('CASE_AWAITING_INFORMATION'));

  it('refuses reassigning a resolved case', () =>
    given([...atRosa, evaluated, resolved])
      .when(assign(STAFF.luis, supervisor(), 'Baja'))
      .thenThrows('CASE_ALREADY_RESOLVED', { kind: 'illegal-state' }));
});

describe('case review: requesting information', () => {
  it('lets the assigned reviewer ask the citizen for information, with the day it is due', () =>
    given(atRosa).when(request()).then([requested()]));

  it('refuses anyone but the assigned reviewer, supervisors included', () => {
    given(atRosa).when(request(luis())).thenThrows('NOT_ASSIGNED_TO_YOU', { kind: 'forbidden' });
    given(atRosa).when(request(supervisor())).thenThrows('NOT_ASSIGNED_TO_YOU');
  });

  it('refuses on a case not yet assigned', () =>
    given([opened]).when(request()).thenThrows('CASE_NOT_ASSIGNED'));

  it('refuses a second request while the first is unanswered', () =>
    given([...atRosa, requested()])
      .when(request())
      .thenThrows('CASE_AWAITING_INFORMATION'));

  it('refuses after the case was evaluated', () =>
    given([...atRosa, evaluated])
      .when(request())
      .thenThrows('CASE_ALREADY_EVALUATED'));

  it('refuses a request that does not say what is needed', () =>
    given(atRosa)
      .when(request(rosa(), { requested: ' ' }))
      .thenThrows('INFORMATION_REQUEST_REQUIRED'));

  it('refuses a due date that is not after today', () => {
    given(atRosa)
      .when(request(rosa(), { dueOn: '2026-11-23' }))
      .thenThrows('INVALID_DUE_DATE', { facts: { today: '2026-11-23' } });
    given(atRosa)
      .when(request(rosa(), { dueOn: '9/12/2026' }))
      .thenThrows('INVALID_DATE');
  });
});

describe('case review: providing information', () => {
  const waiting = [...atRosa, requested()];

  it('takes the filer’s signed answer and hands the case back to the reviewer', () => {
    given(waiting).when(provide()).then([provided]);
    given([...waiting, provided])
      .when(evaluate())
      .then([evaluated]);
  });

  it('also takes the answer of the person the case concerns, with their statement', () =>
    given(waiting)
      .when(provide(citizen(subject), { attachments: [], statement: ' Ya no tengo más informes ' }))
      .then([
        {
          type: 'InformationProvided',
          data: {
            caseId,
            providedBy: subject,
            statement: 'Ya no tengo más informes',
            attachments: [],
            signedWith: 'certificate',
            providedAt: now,
          },
        },
      ]));

  it('refuses someone who neither filed the case nor is its subject', () =>
    given(waiting)
      .when(provide(citizen(stranger)))
      .thenThrows('NOT_YOUR_CASE', { kind: 'forbidden' }));

  it('refuses when no information was requested', () =>
    given(atRosa).when(provide()).thenThrows('NOT_AWAITING_INFORMATION', { kind: 'illegal-state' }));

  it('refuses documents over 10 MB in total', () =>
    given(waiting)
      .when(
        provide(citizen(filer), {
          attachments: [document(1, 6 * 1024 * 1024), document(2, 5 * 1024 * 1024)],
        }),
      )
      .thenThrows('ATTACHMENTS_TOO_LARGE'));

  it('refuses the same document twice and kinds the procedure does not take', () => {
    given(waiting)
      .when(provide(citizen(filer), { attachments: [document(1), document(1)] }))
      .thenThrows('ATTACHMENT_ALREADY_ATTACHED');
    given(waiting)
      .when(
        provide(citizen(filer), { attachments: [{ ...document(1), kind: fromOutside('application-form') }] }),
      )
      .thenThrows('ATTACHMENT_KIND_NOT_ALLOWED');
  });

  it('refuses an empty answer', () =>
    given(waiting)
      .when(provide(citizen(filer), { attachments: [], statement: '  ' }))
      .thenThrows('INFORMATION_REQUIRED'));

  it('requires the SMS one-time code to sign with Cl@ve permanente', () => {
    given(waiting)
      .when(provide(citizen(subject, 'clave-permanente')))
      .thenThrows('SIGNATURE_OTP_REQUIRED');
    given(waiting)
      .when(provide(citizen(filer, 'clave-permanente'), { otpVerified: true }))
      .then([{ ...provided, data: { ...provided.data, signedWith: 'clave-permanente' } } as CaseReviewEvent]);
  });

  it('refuses a representative answering with Cl@ve móvil', () =>
    given(waiting)
      .when(provide(citizen(filer, 'clave-movil')))
      .thenThrows('LEVEL_OF_ASSURANCE_TOO_LOW'));
});

describe('case review: evaluation and resolution', () => {
  it('records the assigned reviewer’s findings', () => given(atRosa).when(evaluate()).then([evaluated]));

  it('refuses evaluating while waiting on the citizen', () =>
    given([...atRosa, requested()])
      .when(evaluate())
      .thenThrows('CASE_AWAITING_INFORMATION'));

  it('refuses evaluating twice', () =>
    given([...atRosa, evaluated])
      .when(evaluate())
      .thenThrows('CASE_ALREADY_EVALUATED'));

  it('refuses an evaluation without findings', () =>
    given(atRosa).when(evaluate(rosa(), ' ')).thenThrows('FINDINGS_REQUIRED'));

  it('resolves an evaluated case with its outcome, grounds and legal basis', () =>
    given([...atRosa, evaluated])
      .when(resolve())
      .then([resolved]));

  it('refuses resolving a case not yet evaluated', () =>
    given(atRosa).when(resolve()).thenThrows('CASE_NOT_EVALUATED', { kind: 'illegal-state' }));

  it('refuses resolving twice', () =>
    given([...atRosa, evaluated, resolved])
      .when(resolve())
      .thenThrows('CASE_ALREADY_RESOLVED'));

  it('refuses a resolution by another reviewer', () =>
    given([...atRosa, evaluated])
      .when(resolve(luis()))
      .thenThrows('NOT_ASSIGNED_TO_YOU'));

  it('refuses an outcome other than granted, partially granted or denied', () =>
    given([...atRosa, evaluated])
      .when(resolve(rosa(), { outcome: fromOutside('maybe') }))
      .thenThrows('INVALID_OUTCOME'));

  it('refuses a resolution without grounds or legal basis', () => {
    given([...atRosa, evaluated])
      .when(resolve(rosa(), { grounds: '' }))
      .thenThrows('GROUNDS_REQUIRED');
    given([...atRosa, evaluated])
      .when(resolve(rosa(), { legalBasis: ' ' }))
      .thenThrows('LEGAL_BASIS_REQUIRED');
  });
});

describe('case review: withdrawal', () => {
  const withdrawn = (by: string, reason?: string): CaseReviewEvent => ({
    type: 'ReviewWithdrawn',
    data: { caseId, withdrawnBy: by, withdrawnAt: now, ...(reason ? { reason } : {}) },
  });

  it('lets the filer withdraw before resolution, even while information is awaited, saying why', () =>
    given([...atRosa, requested()])
      .when(withdraw(citizen(filer), 'Ya me han dado el alta'))
      .then([withdrawn(filer, 'Ya me han dado el alta')]));

  it('lets the person the case concerns withdraw it', () =>
    given([opened])
      .when(withdraw(citizen(subject)))
      .then([withdrawn(subject)]));

  it('refuses withdrawal once the case is resolved', () =>
    given([...atRosa, evaluated, resolved])
      .when(withdraw())
      .thenThrows('CASE_ALREADY_RESOLVED'));

  it('refuses withdrawal by anyone else', () =>
    given([opened])
      .when(withdraw(citizen(stranger)))
      .thenThrows('NOT_YOUR_CASE'));

  it('refuses withdrawal of a case already resolved, notified and closed', () =>
    given([...atRosa, evaluated, resolved, issued, closed()])
      .when(withdraw())
      .thenThrows('CASE_ALREADY_CLOSED', { kind: 'illegal-state' }));

  it('says when a review was resolved, which a filing needs to know to refuse withdrawal', () => {
    const fold = (events: CaseReviewEvent[]) => events.reduce(evolve, initialState());
    expect(resolvedAtOf(fold([...atRosa, evaluated]))).toBeNull();
    expect(resolvedAtOf(fold([...atRosa, evaluated, resolved]))).toBe(now);
    expect(resolvedAtOf(fold([...atRosa, evaluated, resolved, issued, closed()]))).toBe(now);
  });

  const filingWithdrawn = () =>
    command(
      'RecordFilingWithdrawn',
      { withdrawnBy: filer, withdrawnAt: now, reason: 'Ya me han dado el alta' },
      system(),
    );

  it('closes a review opened after its filing was withdrawn, in the filer’s name', () =>
    given([opened])
      .when(filingWithdrawn())
      .then([withdrawn(filer, 'Ya me han dado el alta')]));

  it('records a filing’s withdrawal once: again changes nothing', () =>
    given([opened, withdrawn(filer)])
      .when(filingWithdrawn())
      .then([]));

  it('refuses recording a filing’s withdrawal on a resolved review', () =>
    given([...atRosa, evaluated, resolved])
      .when(filingWithdrawn())
      .thenThrows('CASE_ALREADY_RESOLVED'));

  it('refuses withdrawing twice, and any further work on a withdrawn case', () => {
    const history = [...atRosa, withdrawn(filer)];
    given(history).when(withdraw()).thenThrows('ALREADY_WITHDRAWN');
    given(history).when(evaluate()).thenThrows('ALREADY_WITHDRAWN');
    given(history).when(issue()).thenThrows('ALREADY_WITHDRAWN');
  });
});

describe('case review: issuing, notifying and closing', () => {
  const resolvedCase = [...atRosa, evaluated, resolved];

  it('records the issued resolution document', () => given(resolvedCase).when(issue()).then([issued]));

  it('refuses issuing a resolution before the case is resolved', () =>
    given([...atRosa, evaluated])
      .when(issue())
      .thenThrows('CASE_NOT_RESOLVED'));

  it('refuses issuing the resolution twice', () =>
    given([...resolvedCase, issued])
      .when(issue())
      .thenThrows('RESOLUTION_ALREADY_ISSUED'));

  it('refuses a resolution document hash that is not a sha-256', () =>
    given(resolvedCase).when(issue('not-a-hash')).thenThrows('INVALID_DOCUMENT_HASH'));

  it('closes the case once the resolution was notified', () =>
    given([...resolvedCase, issued])
      .when(close())
      .then([
        {
          type: 'CaseClosed',
          data: {
            caseId,
            notificationId: 'notification-1',
            notificationOutcome: 'accepted',
            notifiedAt: now,
            closedAt: '2026-11-30T10:00:00.000Z',
          },
        },
      ]));

  it('refuses closing before the resolution is issued', () =>
    given(resolvedCase).when(close()).thenThrows('RESOLUTION_NOT_ISSUED'));

  it('refuses closing an unresolved case', () => given(atRosa).when(close()).thenThrows('CASE_NOT_RESOLVED'));

  it('refuses closing twice, and reassigning a closed case', () => {
    const closed: CaseReviewEvent = {
      type: 'CaseClosed',
      data: {
        caseId,
        notificationId: 'n',
        notificationOutcome: 'deemed-rejected',
        notifiedAt: now,
        closedAt: now,
      },
    };
    given([...resolvedCase, issued, closed])
      .when(close())
      .thenThrows('CASE_ALREADY_CLOSED');
    given([...resolvedCase, issued, closed])
      .when(assign(STAFF.luis, supervisor(), 'x'))
      .thenThrows('CASE_ALREADY_CLOSED');
  });
});

describe('case review: recording expired deadlines', () => {
  const expire = (
    step: 'assign' | 'evaluate' | 'citizenAnswer' | 'notifyResolution',
    dueOn: string,
    at: string,
  ) => command('RecordDeadlineExpired', { step, dueOn }, system(at));

  it('records a step whose last day has passed in Madrid', () =>
    given([opened])
      .when(expire('assign', '2026-11-30', '2026-11-30T23:00:00.000Z'))
      .then([expired('assign', '2026-11-30', '2026-11-30T23:00:00.000Z')]));

  it('refuses on the due day itself: it is met until that day ends', () =>
    given([opened])
      .when(expire('assign', '2026-11-30', '2026-11-30T22:59:00.000Z'))
      .thenThrows('NOT_YET_DUE'));

  it('records nothing when the same expiry was already recorded', () =>
    given([opened, expired('assign', '2026-11-30')])
      .when(expire('assign', '2026-11-30', '2026-12-02T08:00:00.000Z'))
      .then([]));

  it('refuses a step that is not running', () => {
    given(atRosa)
      .when(expire('assign', '2026-11-30', '2026-12-02T08:00:00.000Z'))
      .thenThrows('DEADLINE_NOT_RUNNING');
    given([...atRosa, requested()])
      .when(expire('evaluate', '2026-11-30', '2026-12-02T08:00:00.000Z'))
      .thenThrows('DEADLINE_NOT_RUNNING');
    given([...atRosa, evaluated, resolved, issued])
      .when(expire('notifyResolution', '2026-12-03', '2026-12-04T08:00:00.000Z'))
      .thenThrows('DEADLINE_NOT_RUNNING');
  });

  it('records a late resolution notice while the resolution is not yet issued', () =>
    given([...atRosa, evaluated, resolved])
      .when(expire('notifyResolution', '2026-12-03', '2026-12-04T08:00:00.000Z'))
      .then([expired('notifyResolution', '2026-12-03', '2026-12-04T08:00:00.000Z')]));

  it('returns the case to the reviewer when the citizen’s time to answer runs out', () => {
    const lapsed = [
      ...atRosa,
      requested(),
      expired('citizenAnswer', '2026-12-09', '2026-12-10T08:00:00.000Z'),
    ];
    given([...atRosa, requested()])
      .when(expire('citizenAnswer', '2026-12-09', '2026-12-10T08:00:00.000Z'))
      .then([expired('citizenAnswer', '2026-12-09', '2026-12-10T08:00:00.000Z')]);
    given(lapsed).when(provide()).thenThrows('NOT_AWAITING_INFORMATION');
    given(lapsed).when(evaluate()).then([evaluated]);
  });

  it('refuses a timer left over from an earlier request', () =>
    given([...atRosa, requested('2026-12-09'), provided, requested('2026-12-18')])
      .when(expire('citizenAnswer', '2026-12-09', '2026-12-10T08:00:00.000Z'))
      .thenThrows('STALE_DEADLINE', { facts: { currentDueOn: '2026-12-18' } }));
});
