import {
  SURVEY_ITEMS,
  type RecommendAnswer,
  type SatisfactionLevel,
  type SurveyAnswer,
  type SurveyAnswers,
  type SurveyItem,
  type SurveyProgress,
  type SurveyQuestion,
} from '../../preload/contract/survey';

/**
 * One session's survey as the usager goes through it, held by main so that reloading the screen loses nothing:
 * each answer is stored for its own question when it is given (a later answer never replaces the others), a
 * skipped question is remembered so the survey resumes at the next question nobody has seen yet.
 */
export class SurveyRun {
  private stage: 'intro' | 'questions' | 'declined' = 'intro';
  private readonly levels = new Map<SurveyItem, SatisfactionLevel>();
  private recommend: RecommendAnswer | null = null;
  private readonly skipped = new Set<SurveyQuestion>();

  begin(): void {
    if (this.stage === 'intro') this.stage = 'questions';
  }

  decline(): void {
    this.stage = 'declined';
  }

  answer(given: SurveyAnswer): void {
    // An answer means the usager has started, whatever screen the renderer showed.
    if (this.stage === 'intro') this.stage = 'questions';
    if (given.answer === null) {
      this.skipped.add(given.question);
      if (given.question === 'recommend') this.recommend = null;
      else this.levels.delete(given.question);
      return;
    }
    this.skipped.delete(given.question);
    if (given.question === 'recommend') this.recommend = given.answer;
    else this.levels.set(given.question, given.answer);
  }

  /** What the log entry keeps: the answers given (a skipped question is absent). */
  answers(askRecommendation: boolean): SurveyAnswers {
    return {
      answers: Object.fromEntries(SURVEY_ITEMS.filter((i) => this.levels.has(i)).map((i) => [i, this.levels.get(i)!])),
      recommend: askRecommendation ? this.recommend : null,
    };
  }

  view(settings: { enabled: boolean; askRecommendation: boolean }): SurveyProgress {
    const questions: SurveyQuestion[] = [
      ...SURVEY_ITEMS,
      ...(settings.askRecommendation ? ['recommend' as const] : []),
    ];
    const { answers, recommend } = this.answers(settings.askRecommendation);
    const seen = (q: SurveyQuestion) =>
      this.skipped.has(q) || (q === 'recommend' ? recommend !== null : answers[q] !== undefined);
    const next = questions.find((q) => !seen(q)) ?? null;
    let stage: SurveyProgress['stage'] = this.stage === 'intro' ? 'intro' : 'questions';
    if (!settings.enabled || this.stage === 'declined' || (stage === 'questions' && next === null)) stage = 'thanks';
    return {
      enabled: settings.enabled,
      questions,
      stage,
      answers,
      recommend,
      skipped: questions.filter((q) => this.skipped.has(q)),
      next,
    };
  }
}
