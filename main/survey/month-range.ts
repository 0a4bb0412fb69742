/** A range of days or months, inclusive (YYYY-MM-DD or YYYY-MM); `from > to` means empty. */
export type Span = [from: string, to: string];
export const EMPTY: Span = ['9', '0'];

export interface SplitRange {
  /** The whole months inside the range, read from the month rows. */
  months: Span;
  /** The days before the first whole month and after the last one, read from the day rows. */
  head: Span;
  tail: Span;
}

const shift = (month: string, by: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** Splits a range of days into whole months and the leftover days at each end. */
export function splitRange(from: string, to: string): SplitRange {
  if (from > to) return { months: EMPTY, head: EMPTY, tail: EMPTY };
  const firstMonth = from <= `${from.slice(0, 7)}-01` ? from.slice(0, 7) : shift(from.slice(0, 7), 1);
  const lastMonth = to >= lastDay(to.slice(0, 7)) ? to.slice(0, 7) : shift(to.slice(0, 7), -1);
  if (firstMonth > lastMonth) return { months: EMPTY, head: [from, to], tail: EMPTY };
  return {
    months: [firstMonth, lastMonth],
    head: from < `${firstMonth}-01` ? [from, lastDay(shift(firstMonth, -1))] : EMPTY,
    tail: to > lastDay(lastMonth) ? [`${shift(lastMonth, 1)}-01`, to] : EMPTY,
  };
}
