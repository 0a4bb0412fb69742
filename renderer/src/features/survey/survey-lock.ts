/**
 * While the usager holds the screen for the survey, the app stays on /enquete: "Back", a typed address or a reload
 * comes back to the survey. Only the mediator's PIN (checked by main/access) releases it. The flag lives in
 * sessionStorage so a reload (F5) cannot shake it off; the survey screen drops it when no session runs any more.
 */
const KEY = 'pn.survey.locked';
export const SURVEY_PATH = '/enquete';

let installed = false;

export function isSurveyLocked(): boolean {
  try {
    return window.sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function enforce(): void {
  if (!isSurveyLocked() || window.location.hash === `#${SURVEY_PATH}`) return;
  window.history.replaceState(null, '', `#${SURVEY_PATH}`);
  // Tells the hash router the address changed.
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('popstate', enforce);
  window.addEventListener('hashchange', enforce);
}

export function lockSurvey(): void {
  window.sessionStorage.setItem(KEY, '1');
  install();
}

export function unlockSurvey(): void {
  window.sessionStorage.removeItem(KEY);
}

// At start-up (a reload during the survey): back to the survey at once.
if (typeof window !== 'undefined' && isSurveyLocked()) {
  install();
  enforce();
}
