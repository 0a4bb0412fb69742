import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export function surveyHandlers(
  services: Services,
): Pick<
  Handlers,
  | 'survey.endOfSession'
  | 'survey.saveEndForm'
  | 'survey.progress'
  | 'survey.begin'
  | 'survey.decline'
  | 'survey.answer'
  | 'survey.exit'
  | 'survey.settings'
  | 'survey.stats'
  | 'survey.export'
> {
  const { survey, access } = services;
  return {
    'survey.endOfSession': () => survey.endOfSession(),
    'survey.saveEndForm': (form) => {
      survey.saveEndForm(form);
      return { ok: true };
    },
    'survey.progress': () => survey.progress(),
    'survey.begin': () => survey.begin(),
    'survey.decline': () => survey.decline(),
    'survey.answer': (answer) => survey.answer(answer),
    'survey.exit': async ({ pin }) => {
      await survey.exit(pin);
      return { ok: true };
    },
    'survey.settings': () => survey.settings(),
    // The statistics and exports are the référent's: refused unless the référent PIN was given (main/access).
    'survey.stats': (query) => {
      access.requireReferent();
      return survey.stats(query);
    },
    'survey.export': (request) => {
      access.requireReferent();
      return survey.export(request);
    },
  };
}
