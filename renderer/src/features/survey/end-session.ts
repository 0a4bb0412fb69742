import { api, type Result } from '../../api';
import { unlockSurvey } from './survey-lock';

/**
 * Ends the accompaniment: the session helper's channel runs the wipe (the survey's log entry and answers are
 * written first, in one transaction) and the app returns to the home screen.
 */
export function endAccompaniment(): Promise<Result<unknown>> {
  unlockSurvey();
  return api().session.end({ reason: 'ended' });
}
