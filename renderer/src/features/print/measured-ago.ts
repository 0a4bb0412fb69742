/** "vérifié il y a 12 s": the printer state on screen is the last one measured, never an old one passed as new. */
export function measuredAgo(seconds: number | null): string {
  if (seconds === null) return 'pas encore vérifié';
  if (seconds < 5) return "vérifié à l'instant";
  if (seconds < 60) return `vérifié il y a ${seconds} s`;
  return `vérifié il y a ${Math.round(seconds / 60)} min`;
}
