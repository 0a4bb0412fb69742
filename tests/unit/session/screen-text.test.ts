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
    // After a crash: the workspace's files were encrypted, the scans left in the scan folder were not.
    const startup = { ...report, reason: 'startup' as const };
    expect(
      wipeSummary({
        ...startup,
        removed: { ...report.removed, files: 3, bytes: 3072, workspaceFiles: 2, workspaceBytes: 2048 },
      }),
    ).toBe(
      "2 fichiers (2 Ko) chiffrés supprimés. Personne ne pouvait les lire. 1 fichier scanné pendant l'accompagnement (1 Ko) supprimé du dossier de numérisation.",
    );
    expect(
      wipeSummary({
        ...startup,
        removed: { ...report.removed, files: 0, bytes: 0, workspaceFiles: 0, workspaceBytes: 0 },
      }),
    ).toBe('Aucun fichier chiffré supprimé. Personne ne pouvait les lire.');
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
