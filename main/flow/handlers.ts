import { ORIENTATIONS, type OrientationCode } from '../../preload/api';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type FlowChannel = Extract<keyof Handlers, `flow.${string}`>;

export function flowHandlers(services: Services): Pick<Handlers, FlowChannel> {
  const flow = services.flow;
  return {
    'flow.catalog': (input) => flow.catalog(input ?? {}),
    'flow.demarche': ({ id }) => flow.demarche(id),
    'flow.orientations': () =>
      (Object.keys(ORIENTATIONS) as OrientationCode[]).map((code) => ({ code, label: ORIENTATIONS[code].label })),
    'flow.start': ({ demarcheId }) => flow.start(demarcheId),
    'flow.list': () => flow.list(),
    'flow.answer': ({ key, questionId, answerId }) => flow.answer(key, questionId, answerId),
    'flow.goToStep': ({ key, index }) => flow.goToStep(key, index),
    'flow.markStep': ({ key, stepId, done }) => flow.markStep(key, stepId, done),
    'flow.setPiece': ({ key, pieceId, status, scans }) => flow.setPiece(key, pieceId, status, scans),
    'flow.setNotes': ({ key, notes }) => flow.setNotes(key, notes),
    'flow.setOutcome': ({ key, outcome }) => flow.setOutcome(key, outcome),
    'flow.setDraft': ({ key, draft }) => flow.setDraft(key, draft),
    'flow.remove': ({ key }) => {
      flow.remove(key);
      return { ok: true as const };
    },
    'flow.checkFormat': ({ kind, value, demarcheId }) => flow.checkFormat(kind, value, demarcheId),
  };
}
