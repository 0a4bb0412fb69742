import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../main/survey/retention';
import { useTempDir } from '../../helpers/temp-dir';
import { logSession } from './seed-log';
import { FakeClock } from '../../helpers/fake-clock';
import { openStation } from './station';

const tempDir = useTempDir();
const count = (services: ReturnType<typeof openStation>, table: string) =>
  (services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('retention of the session log', () => {
  it('keeps the same calendar day N months back, and the last day of a shorter month', () => {
    expect(retentionCutoff(new Date(2026, 10, 23, 8, 0), 24)).toBe('2024-11-23');
    expect(retentionCutoff(new Date(2026, 2, 31, 8, 0), 1)).toBe('2026-02-28');
    expect(retentionCutoff(new Date(2026, 0, 15), 3)).toBe('2025-10-15');
  });

  it('purges at start the entries and answers older than the configured months, and journals the counts', () => {
    const dir = tempDir();
    const fixed = new Date(2026, 10, 23, 8, 30).getTime();
    const first = openStation(dir, { clock: new FakeClock(fixed) });
    logSession(first.db, { day: '2024-11-22', demarches: [{}], answers: { accueil: 'satisfait' } });
    logSession(first.db, { day: '2024-11-23', demarches: [{}], answers: { accueil: 'satisfait' } });
    logSession(first.db, { day: '2026-11-20', answers: { accueil: 'satisfait' } });
    logSession(first.db, { day: '2025-06-01' });
    first.close();

    const second = openStation(dir, { clock: new FakeClock(fixed) });
    expect(count(second, 'survey_session')).toBe(3);
    expect(count(second, 'survey_response')).toBe(2);
    expect(count(second, 'survey_session_demarche')).toBe(1);
    expect(second.db.prepare('SELECT min(day) AS day FROM survey_session').get()).toEqual({ day: '2024-11-23' });
    expect(second.journal.list({ code: 'retention.purged' })[0]?.details).toEqual({
      months: 24,
      sessions: 1,
      responses: 1,
    });
    // Deleted rows are overwritten (secure_delete) and the WAL folded back: the old day is nowhere on disk.
    for (const file of ['station.db', 'station.db-wal']) {
      expect(readFileSync(join(dir, file)).includes('2024-11-22'), file).toBe(false);
    }
    second.close();
  });

  it('follows the number of months the référent set', () => {
    const dir = tempDir();
    const fixed = new Date(2026, 10, 23).getTime();
    const first = openStation(dir, { clock: new FakeClock(fixed) });
    first.config.setSection('retention', { months: 6 });
    logSession(first.db, { day: '2026-05-22' });
    logSession(first.db, { day: '2026-05-23' });
    first.close();
    const second = openStation(dir, { clock: new FakeClock(fixed) });
    expect(count(second, 'survey_session')).toBe(1);
    second.close();
  });

  it('journals nothing when there was nothing to purge', () => {
    const services = openStation(tempDir());
    expect(services.journal.list({ code: 'retention.purged' })).toEqual([]);
    services.close();
  });
});
