import { describe, expect, it } from 'vitest';
import { EMPTY, splitRange } from '../../../main/survey/month-range';

describe('splitting a period into whole months and edge days', () => {
  it('reads a calendar year as twelve months', () => {
    expect(splitRange('2024-01-01', '2024-12-31')).toEqual({
      months: ['2024-01', '2024-12'],
      head: EMPTY,
      tail: EMPTY,
    });
  });
  it('keeps the odd days at both ends (February of a leap year included)', () => {
    expect(splitRange('2024-01-15', '2024-03-10')).toEqual({
      months: ['2024-02', '2024-02'],
      head: ['2024-01-15', '2024-01-31'],
      tail: ['2024-03-01', '2024-03-10'],
    });
    expect(splitRange('2023-12-02', '2024-02-29')).toEqual({
      months: ['2024-01', '2024-02'],
      head: ['2023-12-02', '2023-12-31'],
      tail: EMPTY,
    });
  });
  it('reads a range inside one month as days only, and an inverted range as nothing', () => {
    expect(splitRange('2024-06-03', '2024-06-20')).toEqual({
      months: EMPTY,
      head: ['2024-06-03', '2024-06-20'],
      tail: EMPTY,
    });
    expect(splitRange('2024-06-30', '2024-07-01')).toEqual({
      months: EMPTY,
      head: ['2024-06-30', '2024-07-01'],
      tail: EMPTY,
    });
    expect(splitRange('2024-06-20', '2024-06-03')).toEqual({ months: EMPTY, head: EMPTY, tail: EMPTY });
  });
});
