import { appHandlers } from './app/handlers';
import { configHandlers } from './config/handlers';
import { accessHandlers } from './access/handlers';
import { journalHandlers } from './journal/handlers';
import { sessionHandlers } from './session/handlers';
import { surveyHandlers } from './survey/handlers';
import { flowHandlers } from './flow/handlers';
import { siteHandlers } from './site/handlers';
import { scanHandlers } from './scan/handlers';
import { printHandlers } from './print/handlers';
import { scannerHandlers } from './scanner/handlers';
import { CounterFault } from './errors';
import type { Handlers } from './dispatch';
import { channels } from '../preload/api';
import type { Services } from './services';

/** Binds every channel of the contract to its capability's handler. */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...configHandlers(services),
    ...accessHandlers(services),
    ...journalHandlers(services),
    ...sessionHandlers(services),
    ...surveyHandlers(services),
    ...flowHandlers(services),
    ...siteHandlers(services),
    ...scanHandlers(services),
    ...printHandlers(services),
    ...scannerHandlers(services),
  };
}

/**
 * When station.db cannot be opened, every channel answers with that fault so the renderer shows the French
 * error screen instead of a broken counter.
 */
export function faultHandlers(fault: CounterFault): Handlers {
  const handlers: Record<string, () => never> = {};
  for (const channel of channels) {
    handlers[channel] = () => {
      throw fault;
    };
  }
  return handlers as unknown as Handlers;
}
