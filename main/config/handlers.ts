import { z } from 'zod';
import type { Handlers } from '../dispatch';
import { CounterFault } from '../errors';
import type { Services } from '../services';

export function configHandlers(services: Services): Pick<Handlers, 'config.get' | 'config.saveSection'> {
  return {
    'config.get': () => services.config.get(),
    'config.saveSection': ({ section, value }) => {
      try {
        const saved = services.config.setSection(section, value);
        services.journal.append('config.changed', { section });
        return saved;
      } catch (error) {
        if (error instanceof z.ZodError) {
          const where = error.issues[0]?.path.join('.') || section;
          throw new CounterFault(
            'config_invalid',
            `La valeur du champ « ${where} » n'est pas valide. Corrigez-la puis enregistrez.`,
          );
        }
        throw error;
      }
    },
  };
}
