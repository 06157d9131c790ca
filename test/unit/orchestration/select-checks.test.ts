import { describe, expect, it } from 'vitest';
import type { Check } from '../../../src/execution/checks/check.js';
import { createCheckRegistry } from '../../../src/execution/checks/registry.js';
import { chooseChecks } from '../../../src/orchestration/select-checks.js';

const plugin = (id: string): Check => ({ id, severity: 'low', description: `user check from /plugins/${id}.js`, run: async () => [] });

describe('the checks of a run with plugins and a checks: selection', () => {
  it('adds plugin checks after the built-in ones', () => {
    const chosen = chooseChecks(createCheckRegistry(), [plugin('no_foreign_email')], undefined);
    expect(chosen.exchangeChecks.at(-1)!.id).toBe('no_foreign_email');
    expect(chosen.exchangeChecks.map((check) => check.id)).toContain('server_error');
  });

  it('keeps only the named checks, built-in and plugin alike', () => {
    const chosen = chooseChecks(createCheckRegistry(), [plugin('no_foreign_email')], ['server_error', 'bola', 'no_foreign_email']);
    expect(chosen.exchangeChecks.map((check) => check.id)).toEqual(['server_error', 'no_foreign_email']);
    expect(chosen.scenarioChecks.map((check) => check.id)).toEqual(['bola']);
  });

  it('refuses an unknown name and a plugin named like a built-in check', () => {
    expect(() => chooseChecks(createCheckRegistry(), [], ['sever_error'])).toThrow(/^checks: unknown check "sever_error" \(available: server_error, /);
    expect(() => chooseChecks(createCheckRegistry(), [plugin('xss')], undefined)).toThrow('plugin /plugins/xss.js: the name "xss" is a built-in check\'s');
  });
});
