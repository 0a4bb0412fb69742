/** "depuis 5 min", "depuis 1 h 05": how long the accompaniment has been running, for the session bar. */
export function formatElapsed(startedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 60_000));
  if (minutes < 1) return "depuis moins d'une minute";
  if (minutes < 60) return `depuis ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `depuis ${hours} h ${String(minutes % 60).padStart(2, '0')}`;
}
