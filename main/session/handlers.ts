import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import type { SessionMediator } from './session';

type SessionChannels = 'session.current' | 'session.start' | 'session.end' | 'session.activity' | 'session.extend';

/** The signed-in mediator, from main/access. */
function signedIn(services: Services): SessionMediator | null {
  return services.access.currentMediator();
}

export function sessionHandlers(services: Services): Pick<Handlers, SessionChannels> {
  const sessions = services.sessions;
  return {
    'session.current': async () => {
      // A renderer that just replaced itself asks at once: answer once the wipe has finished.
      await sessions.settled();
      const session = sessions.current();
      const mediator = signedIn(services);
      const secondsLeft = sessions.idleSecondsLeft();
      return {
        session: session ? sessions.info(session) : null,
        mediator: mediator ? { pseudonym: mediator.pseudonym } : null,
        lastWipe: sessions.recentWipe(),
        idleWarning: secondsLeft === null ? null : { secondsLeft },
      };
    },
    'session.start': () => {
      // Access level `mediator` (the contract): the gate already refused a call without one.
      const mediator = services.access.requireMediator();
      return sessions.info(sessions.start({ id: mediator.id, pseudonym: mediator.pseudonym }));
    },
    'session.end': ({ reason }) => sessions.end(reason),
    'session.activity': () => {
      sessions.touch();
      return { ok: true as const };
    },
    'session.extend': () => {
      sessions.extend();
      return { ok: true as const };
    },
  };
}
