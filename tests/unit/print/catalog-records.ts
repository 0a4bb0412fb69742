/** FlowRecords built from the real catalog (resources/demarches) by main/flow, as a session would build them. */
import type { Outcome, PieceStatus } from '../../../preload/api';
import { demarchesCatalogDir } from '../../../main/app/resources-dir';
import { readCatalogDir } from '../../../main/flow/catalog';
import { buildRecord } from '../../../main/flow/record-builder';
import type { FlowRecord } from '../../../main/flow/records';

const { demarches } = readCatalogDir(demarchesCatalogDir());

export function catalogRecord(
  demarcheId: string,
  outcome: Outcome | null,
  pieces: Record<string, PieceStatus> = {},
): FlowRecord {
  const demarche = demarches.find((d) => d.id === demarcheId);
  if (!demarche) throw new Error(`no démarche ${demarcheId}`);
  return buildRecord(demarche, {
    key: '00000000-0000-4000-8000-000000000000',
    demarcheId,
    answers: {},
    stepIndex: 0,
    stepsDone: new Set(),
    pieces: new Map(demarche.pieces.map((p) => [p.id, { status: pieces[p.id] ?? 'a_verifier', scans: [] }])),
    notes: '',
    outcome,
    draft: null,
    numeroWarning: null,
    fact: { demarcheId, category: demarche.category, outcome: outcome?.kind ?? null },
  });
}
