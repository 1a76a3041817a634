import { allowedNeedActions } from '@kaimen/shared';
import { describe, expect, it } from 'vitest';
import { actionFields, buttonActions } from './need-format';

describe('need buttons', () => {
  it('offers the lead department accept and return on a new need, comment apart', () => {
    expect(buttonActions(allowedNeedActions('submitted', ['lead-department']))).toEqual(['accept', 'return']);
  });

  it('offers the company confirm on an answered need', () => {
    expect(buttonActions(allowedNeedActions('resolved', ['enterprise']))).toEqual(['confirm']);
  });

  it('asks for what the workflow needs: a reason to return, a department and reason to reassign, a rating to confirm', () => {
    expect(actionFields('return').fields).toEqual(['reason']);
    expect(actionFields('reassign').fields.sort()).toEqual(['department', 'reason']);
    expect(actionFields('confirm').fields).toEqual(['satisfaction', 'text']);
    expect(actionFields('accept').needsDialog).toBe(false);
  });
});
