import { describe, expect, it } from 'vitest';
import { showsMediatorControls } from '../../../renderer/src/features/access/screens';
import { isSessionPath, SESSION_PATHS } from '../../../renderer/src/features/session/SessionGate';

/** Every screen of the app (renderer/src/app/routes.tsx), with what each guard must say of it. */
const SCREENS: Array<{ path: string; session: boolean; mediatorControls: boolean }> = [
  { path: '/', session: false, mediatorControls: false },
  { path: '/installation', session: false, mediatorControls: false },
  { path: '/connexion', session: false, mediatorControls: false },
  { path: '/referent/connexion', session: false, mediatorControls: false },
  { path: '/referent', session: false, mediatorControls: false },
  { path: '/accueil', session: false, mediatorControls: true },
  { path: '/demarches', session: true, mediatorControls: true },
  { path: '/demarches/permis-renouvellement', session: true, mediatorControls: true },
  { path: '/pieces', session: true, mediatorControls: true },
  { path: '/recu', session: true, mediatorControls: true },
  { path: '/fin', session: true, mediatorControls: true },
  // The usager's survey: inside the accompaniment, but never the mediator's buttons.
  { path: '/enquete', session: true, mediatorControls: false },
];

describe('the routing guards', () => {
  it.each(SCREENS)('$path: inside an accompaniment $session, mediator controls $mediatorControls', (screen) => {
    expect(isSessionPath(screen.path)).toBe(screen.session);
    expect(showsMediatorControls(screen.path)).toBe(screen.mediatorControls);
  });

  it('a path that only starts like a session screen is not one (no usager screen behind a look-alike)', () => {
    for (const path of SESSION_PATHS) {
      expect(isSessionPath(`${path}x`)).toBe(false);
      expect(isSessionPath(`${path}/anything`)).toBe(true);
    }
    expect(isSessionPath('/accueil/demarches')).toBe(false);
    expect(isSessionPath('')).toBe(false);
  });

  it('no screen under the référent area or the survey shows the mediator controls', () => {
    for (const path of ['/referent/mediateurs', '/enquete/3', '/installation/etape-2', '/connexion/']) {
      expect(showsMediatorControls(path)).toBe(false);
    }
    // '/' hides them only on the gate itself, not on every screen.
    expect(showsMediatorControls('/referentiel')).toBe(true);
  });
});
