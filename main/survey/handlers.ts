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
  | 'survey.stats'
  | 'survey.export'
> {
  const { survey } = services;
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
    // The statistics and exports are the référent's (access level in the contract, checked by main/dispatch.ts).
    'survey.stats': (query) => survey.stats(query),
    'survey.export': (request) => survey.export(request),
  };
}
