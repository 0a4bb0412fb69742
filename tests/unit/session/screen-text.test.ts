import { describe, expect, it } from 'vitest';
import type { WipeReport } from '../../../preload/api';
import { formatElapsed } from '../../../renderer/src/features/session/elapsed';
import { isSessionPath } from '../../../renderer/src/features/session/SessionGate';
import { formatBytes, wipeReason, wipeSummary } from '../../../renderer/src/features/session/wipe-summary';

const report: WipeReport = {
  reason: 'ended',
  status: 'completed',
  finishedAt: '2026-03-02T10:00:00.000Z',
  durationMs: 23.4,
  removed: {
    files: 30,
    bytes: 19_200_000,
    workspaceFiles: 28,
    workspaceBytes: 19_000_000,
    participants: ['site', 'flow', 'scan'],
    figures: {},
    clipboardCleared: false,
    walCheckpointed: true,
    renderer: 'reload',
  },
  steps: [],
  verification: { ok: true, leftovers: 0, checkedEntries: 12 },
  problems: [],
};

describe('home screen texts of the session', () => {
  it('sums up a wipe report with its figures', () => {
    expect(wipeSummary(report)).toBe(
      "30 fichiers (18,3 Mo) supprimés, 3 parties de l'application vidées, en 23 ms ; la vérification ne trouve plus rien.",
    );
    expect(wipeSummary({ ...report, removed: { ...report.removed, files: 0, participants: ['site'] } })).toContain(
      'Aucun fichier',
    );
    expect(wipeReason({ ...report, reason: 'idle' })).toContain("s'est terminé tout seul");
    expect(formatBytes(900)).toBe('900 o');
    expect(formatBytes(300_000)).toBe('293 Ko');
  });

  it('says how long the accompaniment has run', () => {
    const start = '2026-03-02T09:00:00.000Z';
    const at = (minutes: number) => Date.parse(start) + minutes * 60_000;
    expect(formatElapsed(start, at(0.5))).toBe("depuis moins d'une minute");
    expect(formatElapsed(start, at(12))).toBe('depuis 12 min');
    expect(formatElapsed(start, at(65))).toBe('depuis 1 h 05');
  });

  it('knows which screens belong to an accompaniment', () => {
    expect(isSessionPath('/pieces')).toBe(true);
    expect(isSessionPath('/demarches/permis-duplicata')).toBe(true);
    expect(isSessionPath('/accueil')).toBe(false);
    expect(isSessionPath('/demarchesx')).toBe(false);
  });
});
