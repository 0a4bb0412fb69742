import {
  SATISFACTION_LEVELS,
  type DurationBucket,
  type ItemFigures,
  type SatisfactionLevel,
  type SurveyItem,
} from '../../preload/contract/survey';

/**
 * The figures of one survey item. Satisfaction rate = (très satisfait + satisfait) / answers other than
 * "je ne sais pas" (the ministry's definition); null when nobody gave an opinion, never a made-up 0 %.
 */
export function itemFigures(item: SurveyItem, counts: Partial<Record<SatisfactionLevel, number>>): ItemFigures {
  const full = Object.fromEntries(SATISFACTION_LEVELS.map((level) => [level, counts[level] ?? 0])) as Record<
    SatisfactionLevel,
    number
  >;
  const answered = full.tres_satisfait + full.satisfait + full.peu_satisfait + full.pas_satisfait;
  const rate = answered === 0 ? null : (full.tres_satisfait + full.satisfait) / answered;
  return { item, counts: full, answered, rate };
}

/** A rate as the counter reads it: "97,5 %" (one decimal at most, French decimal comma), or "—" when none. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  const percent = Math.round(rate * 1000) / 10;
  return `${String(percent).replace('.', ',')} %`;
}

/** The median of a list of numbers (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The activity report's duration buckets: < 30 min, 30 min–1 h, 1–2 h, ≥ 2 h. */
export function durationBucket(minutes: number): DurationBucket {
  if (minutes < 30) return 'moins_30';
  if (minutes < 60) return 'de_30_a_60';
  if (minutes < 120) return 'de_60_a_120';
  return 'plus_120';
}

/** The chart period a day falls in: the day itself, its ISO week ("2026-W07") or its month ("2026-02"). */
export function periodOf(day: string, granularity: 'day' | 'week' | 'month'): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return day.slice(0, 7);
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the Thursday of this week decides its year
  const year = date.getUTCFullYear();
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every period between two days (inclusive), so a chart shows empty days as zero instead of skipping them. */
export function periodsBetween(from: string, to: string, granularity: 'day' | 'week' | 'month'): string[] {
  const periods: string[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= end; t += 86_400_000) {
    const period = periodOf(new Date(t).toISOString().slice(0, 10), granularity);
    if (periods.at(-1) !== period) periods.push(period);
  }
  return periods;
}

/** The median of values given as a histogram (value → how many times), sorted or not; null when empty. */
export function medianOfHistogram(histogram: ReadonlyArray<{ value: number; count: number }>): number | null {
  const sorted = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, h) => sum + h.count, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (rank < seen) return h.value;
    }
    return sorted.at(-1)!.value;
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? valueAt(middle) : (valueAt(middle - 1) + valueAt(middle)) / 2;
}
