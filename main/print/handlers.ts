import type { Handlers } from '../dispatch';
import type { Services } from '../services';

export function printHandlers(
  services: Services,
): Pick<
  Handlers,
  | 'print.preview'
  | 'print.status'
  | 'print.check'
  | 'print.cancel'
  | 'print.answer'
  | 'print.receipt'
  | 'print.a4'
  | 'print.testPage'
> {
  return {
    'print.preview': () => services.print.preview(),
    'print.status': () => services.print.status(),
    'print.check': () => services.print.check(),
    'print.cancel': () => services.print.cancel(),
    'print.answer': ({ cameOut }) => services.print.answer(cameOut),
    'print.receipt': ({ reprint }) => services.print.print({ reprint }),
    'print.a4': () => services.print.a4(),
    'print.testPage': async () => {
      await services.print.testPage();
      return { ok: true as const };
    },
  };
}
