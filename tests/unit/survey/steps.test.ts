import { describe, expect, it } from 'vitest';
import { SurveyRun } from '../../../main/survey/progress';
import { resumeView, viewAfter, viewBefore } from '../../../renderer/src/features/survey/steps';

const settings = { enabled: true, askRecommendation: true };

describe("the survey's steps", () => {
  it('resumes at the next question nobody has seen, after the answered and the skipped ones', () => {
    const run = new SurveyRun();
    expect(resumeView(run.view(settings))).toEqual({ kind: 'intro' });
    run.begin();
    expect(resumeView(run.view(settings))).toEqual({ kind: 'question', index: 0 });
    run.answer({ question: 'accueil', answer: 'satisfait' });
    run.answer({ question: 'information', answer: null });
    expect(resumeView(run.view(settings))).toEqual({ kind: 'question', index: 2 });
  });

  it('moves on in order, back with "Retour", and to the thanks after the last question', () => {
    const progress = new SurveyRun().view(settings);
    expect(progress.questions).toHaveLength(7);
    expect(viewAfter({ kind: 'question', index: 0 }, progress)).toEqual({ kind: 'question', index: 1 });
    expect(viewAfter({ kind: 'question', index: 6 }, progress)).toEqual({ kind: 'thanks' });
    expect(viewBefore({ kind: 'question', index: 1 })).toEqual({ kind: 'question', index: 0 });
    expect(viewBefore({ kind: 'question', index: 0 })).toEqual({ kind: 'intro' });
  });

  it('ends with the thanks when the survey is off, declined, or every question was seen', () => {
    const run = new SurveyRun();
    expect(resumeView(run.view({ ...settings, enabled: false }))).toEqual({ kind: 'thanks' });
    const noRecommend = { enabled: true, askRecommendation: false };
    for (const question of ['accueil', 'information', 'clarte', 'accompagnement', 'solution'] as const) {
      run.answer({ question, answer: 'satisfait' });
    }
    expect(run.view(noRecommend).stage).toBe('questions');
    run.answer({ question: 'securite', answer: null });
    expect(run.view(noRecommend)).toMatchObject({ stage: 'thanks', next: null });
    const declined = new SurveyRun();
    declined.decline();
    expect(resumeView(declined.view(settings))).toEqual({ kind: 'thanks' });
  });

  it('a skip after an answer removes that answer only; a later answer replaces the skip', () => {
    const run = new SurveyRun();
    run.answer({ question: 'accueil', answer: 'satisfait' });
    run.answer({ question: 'clarte', answer: 'pas_satisfait' });
    run.answer({ question: 'accueil', answer: null });
    expect(run.answers(true)).toEqual({ answers: { clarte: 'pas_satisfait' }, recommend: null });
    run.answer({ question: 'accueil', answer: 'tres_satisfait' });
    expect(run.view(settings).skipped).toEqual([]);
  });
});
