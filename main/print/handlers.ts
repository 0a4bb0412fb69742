import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export function printHandlers(
  services: Services,
): Pick<Handlers, 'print.preview' | 'print.status' | 'print.receipt' | 'print.a4' | 'print.testPage'> {
  return {
    'print.preview': () => services.print.preview(),
    'print.status': () => services.print.status(),
    'print.receipt': ({ reprint }) => services.print.print({ reprint }),
    'print.a4': () => services.print.a4(),
    'print.testPage': async () => {
      await services.print.testPage();
      return { ok: true as const };
    },
  };
}
