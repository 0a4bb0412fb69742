import type { SurveyProgress, SurveyQuestion } from '../../../../preload/api';

/** The screen the usager sees: the introduction, one question (by its place in the list), or the thanks. */
export type SurveyView = { kind: 'intro' } | { kind: 'question'; index: number } | { kind: 'thanks' };

/** Where a survey opens (first display, or after a reload): main's stage and its next unanswered question. */
export function resumeView(progress: SurveyProgress): SurveyView {
  if (progress.stage === 'intro') return { kind: 'intro' };
  if (progress.stage === 'thanks' || progress.next === null) return { kind: 'thanks' };
  return { kind: 'question', index: Math.max(0, progress.questions.indexOf(progress.next)) };
}

/** After a choice or "Passer": the following question in order, or the thanks after the last one. */
export function viewAfter(view: SurveyView, progress: SurveyProgress): SurveyView {
  if (view.kind !== 'question') return view;
  const index = view.index + 1;
  return index < progress.questions.length ? { kind: 'question', index } : { kind: 'thanks' };
}

/** "Retour": the previous question, or the introduction from the first one. */
export function viewBefore(view: SurveyView): SurveyView {
  if (view.kind !== 'question') return view;
  return view.index === 0 ? { kind: 'intro' } : { kind: 'question', index: view.index - 1 };
}

export function questionAt(view: SurveyView, progress: SurveyProgress): SurveyQuestion | null {
  return view.kind === 'question' ? (progress.questions[view.index] ?? null) : null;
}

/** The answer already given to a question (shown as chosen when the usager comes back to it), or null. */
export function answerOf(question: SurveyQuestion, progress: SurveyProgress): string | null {
  if (question === 'recommend') return progress.recommend;
  return progress.answers[question] ?? null;
}

/** A key that changes with each screen, so the screen's heading takes the focus each time. */
export function viewKey(view: SurveyView): string {
  return view.kind === 'question' ? `question-${view.index}` : view.kind;
}
