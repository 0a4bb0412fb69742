import { describe, expect, it } from 'vitest';
import {
  durationBucket,
  formatRate,
  itemFigures,
  median,
  medianOfHistogram,
  periodOf,
  periodsBetween,
} from '../../../main/survey/rates';

describe('satisfaction rate of an item', () => {
  it('counts très satisfait + satisfait among the answers other than "je ne sais pas"', () => {
    // Hand-computed: 50 + 30 satisfied out of 50 + 30 + 10 + 5 = 95 opinions; the 5 "je ne sais pas" are left out.
    const figures = itemFigures('accueil', {
      tres_satisfait: 50,
      satisfait: 30,
      peu_satisfait: 10,
      pas_satisfait: 5,
      ne_sait_pas: 5,
    });
    expect(figures.answered).toBe(95);
    expect(figures.rate).toBeCloseTo(80 / 95, 10);
    expect(formatRate(figures.rate)).toBe('84,2 %');
  });

  it('gives 98 % for 49 satisfied out of 50, as the ministry reports it', () => {
    const figures = itemFigures('securite', { tres_satisfait: 40, satisfait: 9, pas_satisfait: 1, ne_sait_pas: 12 });
    expect(figures.answered).toBe(50);
    expect(figures.rate).toBe(0.98);
    expect(formatRate(figures.rate)).toBe('98 %');
    expect(figures.counts).toEqual({
      tres_satisfait: 40,
      satisfait: 9,
      peu_satisfait: 0,
      pas_satisfait: 1,
      ne_sait_pas: 12,
    });
  });

  it('shows no rate (not 0 %) when everybody answered "je ne sais pas" or nobody answered', () => {
    expect(itemFigures('information', { ne_sait_pas: 3 }).rate).toBeNull();
    expect(itemFigures('information', {}).answered).toBe(0);
    expect(formatRate(null)).toBe('—');
  });

  it('counts a single unhappy answer as 0 %', () => {
    expect(itemFigures('solution', { peu_satisfait: 1 }).rate).toBe(0);
  });
});

describe('median duration', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([45, 10, 30])).toBe(30);
    expect(median([10, 20, 30, 90])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('reads the same median from a histogram of durations', () => {
    expect(
      medianOfHistogram([
        { value: 45, count: 1 },
        { value: 10, count: 1 },
        { value: 30, count: 1 },
      ]),
    ).toBe(30);
    expect(
      medianOfHistogram([
        { value: 90, count: 1 },
        { value: 20, count: 2 },
        { value: 10, count: 1 },
      ]),
    ).toBe(20);
    expect(
      medianOfHistogram([
        { value: 10, count: 2 },
        { value: 30, count: 2 },
      ]),
    ).toBe(20);
    expect(medianOfHistogram([{ value: 10, count: 0 }])).toBeNull();
  });

  it('does not change the list it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('duration buckets of the activity report', () => {
  it('puts 29 min under 30, 30 and 59 min in 30–60, 60 to 119 in 1–2 h, 120 and more in ≥ 2 h', () => {
    expect([0, 29, 30, 59, 60, 119, 120, 600].map(durationBucket)).toEqual([
      'moins_30',
      'moins_30',
      'de_30_a_60',
      'de_30_a_60',
      'de_60_a_120',
      'de_60_a_120',
      'plus_120',
      'plus_120',
    ]);
  });
});

describe('chart periods', () => {
  it('groups days by ISO week, the week of 1 January belonging to the year of its Thursday', () => {
    expect(periodOf('2026-11-23', 'week')).toBe('2026-W48');
    expect(periodOf('2026-11-29', 'week')).toBe('2026-W48');
    expect(periodOf('2025-12-29', 'week')).toBe('2026-W01');
    expect(periodOf('2021-01-03', 'week')).toBe('2020-W53');
    expect(periodOf('2026-02-14', 'month')).toBe('2026-02');
    expect(periodOf('2026-02-14', 'day')).toBe('2026-02-14');
  });

  it('lists every period of a range, empty ones included', () => {
    expect(periodsBetween('2026-01-30', '2026-02-02', 'day')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
    expect(periodsBetween('2026-01-01', '2026-12-31', 'month')).toHaveLength(12);
    expect(periodsBetween('2026-11-23', '2026-12-06', 'week')).toEqual(['2026-W48', '2026-W49']);
  });
});
