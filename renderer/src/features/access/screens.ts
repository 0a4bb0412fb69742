/**
 * Which screens are the mediator's (they show who is signed in and the way out) and which are not: the usager's
 * own screens (the survey) and the référent's.
 */
const NOT_MEDIATOR_SCREENS = ['/enquete', '/referent', '/installation', '/connexion', '/'];

export function showsMediatorControls(pathname: string): boolean {
  return !NOT_MEDIATOR_SCREENS.some((path) =>
    path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`),
  );
}
