import { describe, expect, it } from 'vitest';
import { granularityFor, periodRange } from '../../../renderer/src/features/survey/period';

describe('the periods of the statistics screen', () => {
  it('covers the day, the week from Monday to Sunday, the calendar month and the year of the chosen day', () => {
    expect(periodRange('day', '2026-11-25')).toEqual({ from: '2026-11-25', to: '2026-11-25' });
    expect(periodRange('week', '2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('week', '2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(periodRange('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('year', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('takes custom dates in either order', () => {
    expect(periodRange('custom', '2026-11-25', { from: '2026-12-31', to: '2026-01-01' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
  });

  it('draws days up to a month, weeks up to half a year, months beyond', () => {
    expect(granularityFor({ from: '2026-11-01', to: '2026-11-30' })).toBe('day');
    expect(granularityFor({ from: '2026-01-01', to: '2026-03-31' })).toBe('week');
    expect(granularityFor({ from: '2026-01-01', to: '2026-12-31' })).toBe('month');
  });
});
