import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { periodsFor } from '@expediente/domain';
import { DEFAULT_DEADLINE_RULES, loadDeadlineRules } from './deadline-rules';

describe('deadline rules from configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deadline-rules-'));
  const file = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const standard = {
    assign: { days: 3, count: 'business' },
    evaluate: { days: 20, count: 'business' },
    citizenAnswer: { days: 15, count: 'business' },
    notifyResolution: { days: 10, count: 'calendar' },
  };

  it('uses our defaults when no file is configured', () => {
    expect(loadDeadlineRules({})).toEqual(DEFAULT_DEADLINE_RULES);
  });

  it('takes per-procedure periods from DEADLINE_POLICY_FILE', () => {
    const rules = loadDeadlineRules({
      DEADLINE_POLICY_FILE: file('policy.json', {
        standard,
        byProcedure: { 'entitlement-application': { evaluate: { days: 45, count: 'calendar' } } },
      }),
    });
    expect(periodsFor(rules.policy, 'medical-report-submission').evaluate).toEqual({
      days: 20,
      count: 'business',
    });
    expect(periodsFor(rules.policy, 'entitlement-application').evaluate).toEqual({
      days: 45,
      count: 'calendar',
    });
    expect(rules.calendar).toBe(DEFAULT_DEADLINE_RULES.calendar);
  });

  it('stops with the reason when a file does not describe a policy', () => {
    const path = file('bad.json', { standard: { ...standard, assign: { days: -1, count: 'weekly' } } });
    expect(() => loadDeadlineRules({ DEADLINE_POLICY_FILE: path })).toThrow(
      /DEADLINE_POLICY_FILE .* is not valid: standard\.assign/,
    );
  });
});
