import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../preload/api';
import { differsFromSaved, outcomeOf, type OutcomeFields } from '../../../renderer/src/features/flow/outcome-draft';

const empty: OutcomeFields = { kind: '', numero: '', missing: [], orientation: 'mairie', why: '' };
const form = (patch: Partial<OutcomeFields>): OutcomeFields => ({ ...empty, ...patch });

describe('the outcome form and its draft', () => {
  it('says the outcome of the chosen kind only, with only that kind’s fields', () => {
    const filled = { numero: 'AB123', missing: ['photo'], orientation: 'mairie' as const, why: 'pas de compte' };
    expect(outcomeOf(form({ ...filled, kind: '' }))).toBeNull();
    expect(outcomeOf(form({ ...filled, kind: 'deposee' }))).toEqual({ kind: 'deposee', numero: 'AB123' });
    expect(outcomeOf(form({ ...filled, kind: 'incomplete' }))).toEqual({ kind: 'incomplete', missing: ['photo'] });
    expect(outcomeOf(form({ ...filled, kind: 'orientee' }))).toEqual({
      kind: 'orientee',
      orientation: 'mairie',
      why: 'pas de compte',
    });
    expect(outcomeOf(form({ ...filled, kind: 'abandonnee' }))).toEqual({ kind: 'abandonnee' });
  });

  it('nothing chosen is never "not saved"', () => {
    expect(differsFromSaved(empty, null)).toBe(false);
    expect(differsFromSaved(empty, { kind: 'abandonnee' })).toBe(false);
  });

  it('a kind chosen and not saved, or another kind than the saved one, differs', () => {
    expect(differsFromSaved(form({ kind: 'abandonnee' }), null)).toBe(true);
    expect(differsFromSaved(form({ kind: 'abandonnee' }), { kind: 'deposee', numero: 'X' })).toBe(true);
    expect(differsFromSaved(form({ kind: 'abandonnee' }), { kind: 'abandonnee' })).toBe(false);
  });

  it('a numéro differs only by what main keeps (spaces around it are not a change)', () => {
    const saved: Outcome = { kind: 'deposee', numero: '24AB12345' };
    expect(differsFromSaved(form({ kind: 'deposee', numero: ' 24AB12345 ' }), saved)).toBe(false);
    expect(differsFromSaved(form({ kind: 'deposee', numero: '24AB12346' }), saved)).toBe(true);
  });

  it('the missing pièces differ as a set, not as a list in order', () => {
    const saved: Outcome = { kind: 'incomplete', missing: ['photo', 'justificatif'] };
    expect(differsFromSaved(form({ kind: 'incomplete', missing: ['photo', 'justificatif'] }), saved)).toBe(false);
    expect(differsFromSaved(form({ kind: 'incomplete', missing: ['justificatif', 'photo'] }), saved)).toBe(false);
    expect(differsFromSaved(form({ kind: 'incomplete', missing: ['photo'] }), saved)).toBe(true);
    expect(differsFromSaved(form({ kind: 'incomplete', missing: ['photo', 'justificatif', 'x'] }), saved)).toBe(true);
  });

  it('an orientation differs by its place or its reason (trimmed)', () => {
    const saved: Outcome = { kind: 'orientee', orientation: 'mairie', why: 'pas de compte' };
    expect(differsFromSaved(form({ kind: 'orientee', orientation: 'mairie', why: 'pas de compte ' }), saved)).toBe(
      false,
    );
    expect(
      differsFromSaved(form({ kind: 'orientee', orientation: 'police-gendarmerie', why: 'pas de compte' }), saved),
    ).toBe(true);
    expect(differsFromSaved(form({ kind: 'orientee', orientation: 'mairie', why: 'autre' }), saved)).toBe(true);
  });
});
