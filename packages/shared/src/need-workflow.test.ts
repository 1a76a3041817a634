import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEED_STATUSES, type NeedStatus } from './dictionaries.js';
import {
  allowedNeedActions,
  applyNeedAction,
  NEED_ACTIONS,
  type NeedAction,
  type NeedActionInput,
  type NeedRelation,
} from './need-workflow.js';

const HANDLER: NeedRelation[] = ['lead-department'];
const OFFICER: NeedRelation[] = ['officer'];
const COMPANY: NeedRelation[] = ['enterprise'];

/** Runs actions one after another from `submitted`, failing loudly on a refusal. */
function walk(steps: [NeedAction, NeedRelation[], NeedActionInput?][]): NeedStatus[] {
  let status: NeedStatus = 'submitted';
  const seen: NeedStatus[] = [status];
  for (const [action, who, input] of steps) {
    const r = applyNeedAction(status, action, who, input ?? {});
    if (!r.ok) throw new Error(`${action} from ${status}: ${r.code}`);
    status = r.status;
    seen.push(status);
  }
  return seen;
}

describe('need workflow', () => {
  it('goes from submitted to a confirmed close', () => {
    expect(
      walk([
        ['accept', HANDLER],
        ['start', HANDLER],
        ['resolve', HANDLER, { text: '已协调供电所完成增容' }],
        ['confirm', COMPANY, { satisfaction: 'satisfied' }],
        ['close', OFFICER],
      ]),
    ).toEqual(['submitted', 'accepted', 'in_progress', 'resolved', 'confirmed', 'closed']);
  });

  it('reopens when the company is not satisfied, and returns to the sender with a reason', () => {
    const r = applyNeedAction('resolved', 'confirm', COMPANY, { satisfaction: 'unsatisfied' });
    expect(r).toEqual({ ok: true, status: 'in_progress', reopened: true });
    expect(
      walk([
        ['return', HANDLER, { reason: '不属于本部门职责' }],
        ['resubmit', OFFICER],
      ]),
    ).toEqual(['submitted', 'returned', 'submitted']);
    expect(applyNeedAction('submitted', 'return', HANDLER, {})).toEqual({
      ok: false,
      code: 'missing',
      fields: ['reason'],
    });
  });

  it('reassigns to another lead department with a reason, and escalates without changing the status', () => {
    expect(applyNeedAction('in_progress', 'reassign', OFFICER, { reason: '应由规划分局办理' })).toEqual({
      ok: false,
      code: 'missing',
      fields: ['department'],
    });
    expect(
      applyNeedAction('in_progress', 'reassign', ['department-head'], { reason: 'x', departmentId: 'd2' }),
    ).toEqual({ ok: true, status: 'submitted', reopened: false });
    expect(applyNeedAction('accepted', 'escalate', OFFICER, { reason: '超期未办结' })).toEqual({
      ok: true,
      status: 'accepted',
      reopened: false,
    });
    // A need back with its sender is not the department's to be late on.
    expect(applyNeedAction('returned', 'escalate', OFFICER, { reason: 'x' })).toEqual({
      ok: false,
      code: 'invalid-transition',
    });
  });

  it('lets each party do only its own part', () => {
    expect(applyNeedAction('submitted', 'accept', COMPANY, {})).toEqual({ ok: false, code: 'not-allowed' });
    expect(applyNeedAction('submitted', 'accept', ['supporting-department'], {})).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(applyNeedAction('resolved', 'confirm', HANDLER, { satisfaction: 'satisfied' })).toEqual({
      ok: false,
      code: 'not-allowed',
    });
    expect(allowedNeedActions('in_progress', ['supporting-department'])).toEqual(['comment']);
    expect(allowedNeedActions('submitted', HANDLER)).toEqual(['accept', 'return', 'comment']);
    expect(allowedNeedActions('resolved', COMPANY)).toEqual(['confirm', 'comment']);
    expect(allowedNeedActions('closed', ['admin'])).toEqual([]);
  });

  it('never leads outside the statuses, and refuses what its table does not allow', () => {
    const statuses = NEED_STATUSES.map((s) => s.code);
    const relations: NeedRelation[] = [
      'lead-department',
      'supporting-department',
      'department-head',
      'officer',
      'enterprise',
      'admin',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.constantFrom(...NEED_ACTIONS),
        fc.subarray(relations),
        fc.record({
          text: fc.option(fc.string()),
          reason: fc.option(fc.string()),
          satisfaction: fc.option(
            fc.constantFrom('satisfied', 'basically', 'unsatisfied') as fc.Arbitrary<'satisfied'>,
          ),
          departmentId: fc.option(fc.string({ minLength: 1 })),
        }),
        (status, action, who, input) => {
          const r = applyNeedAction(status, action, who, input);
          if (r.ok) {
            expect(statuses).toContain(r.status);
            expect(allowedNeedActions(status, who)).toContain(action);
          } else if (r.code !== 'missing') {
            expect(allowedNeedActions(status, who)).not.toContain(action);
          }
        },
      ),
    );
  });
});
