/** Pure: the days a statistics period covers, in the counter's local calendar (YYYY-MM-DD, both inclusive). */
export type PeriodKind = 'day' | 'week' | 'month' | 'year' | 'custom';

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const parse = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

export function periodRange(kind: PeriodKind, reference: string, custom?: { from: string; to: string }) {
  const ref = parse(reference);
  switch (kind) {
    case 'day':
      return { from: reference, to: reference };
    case 'week': {
      const monday = new Date(ref);
      monday.setDate(ref.getDate() - ((ref.getDay() + 6) % 7));
      const sunday = new Date(monday);
      sunday.setDate(monday.getDate() + 6);
      return { from: dayOf(monday), to: dayOf(sunday) };
    }
    case 'month':
      return {
        from: dayOf(new Date(ref.getFullYear(), ref.getMonth(), 1)),
        to: dayOf(new Date(ref.getFullYear(), ref.getMonth() + 1, 0)),
      };
    case 'year':
      return { from: `${ref.getFullYear()}-01-01`, to: `${ref.getFullYear()}-12-31` };
    case 'custom': {
      const from = custom?.from || reference;
      const to = custom?.to || reference;
      return from <= to ? { from, to } : { from: to, to: from };
    }
  }
}

/** The chart's step: days up to a month, weeks up to half a year, months beyond. */
export function granularityFor(range: { from: string; to: string }): 'day' | 'week' | 'month' {
  const days = (parse(range.to).getTime() - parse(range.from).getTime()) / 86_400_000 + 1;
  if (days <= 31) return 'day';
  if (days <= 183) return 'week';
  return 'month';
}
