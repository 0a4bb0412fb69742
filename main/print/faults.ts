import { CounterFault } from '../errors';

/**
 * Every way printing can fail, with the French message for the counter: what happened, what it means for the
 * receipt (printed or not), what to do. `sent` says whether paper may have come out, so a retry never prints
 * twice without the mediator knowing.
 */
export type PrintFaultCode =
  | 'printer_disabled'
  | 'printer_refused'
  | 'printer_unknown_host'
  | 'printer_unreachable'
  | 'printer_timeout'
  | 'printer_paper_out'
  | 'printer_paper_ran_out'
  | 'printer_cover_open'
  | 'printer_dropped'
  | 'printer_unconfirmed'
  | 'printer_device_missing'
  | 'printer_device_error'
  | 'printer_no_driver'
  | 'printer_bad_interface'
  | 'printer_system_failed'
  | 'printer_stalled'
  | 'printer_cancelled'
  | 'printer_session_ended'
  | 'printer_check_receipt'
  | 'printer_no_status';

export type Sent = 'none' | 'partial' | 'unknown';

const A4 = 'Vous pouvez aussi imprimer le reçu en A4 (PDF).';
const CHECK_PAPER = "Regardez d'abord si le reçu est sorti, pour ne pas l'imprimer deux fois.";

const MESSAGES: Record<PrintFaultCode, string> = {
  printer_disabled: `Aucune imprimante de reçus n'est réglée sur ce poste. ${A4} Le référent numérique peut régler l'imprimante.`,
  printer_refused: `L'imprimante de reçus refuse la connexion : elle est peut-être éteinte ou occupée. Rien n'a été imprimé. Vérifiez qu'elle est allumée, puis réessayez. ${A4}`,
  printer_unknown_host: `L'adresse de l'imprimante de reçus est introuvable sur le réseau. Rien n'a été imprimé. Le référent numérique doit vérifier l'adresse dans les réglages. ${A4}`,
  printer_unreachable: `L'imprimante de reçus n'est pas joignable sur le réseau. Rien n'a été imprimé. Vérifiez son câble réseau, puis réessayez. ${A4}`,
  printer_timeout: `L'imprimante de reçus ne répond pas. Rien n'a été imprimé. Vérifiez qu'elle est allumée et branchée, puis réessayez. ${A4}`,
  printer_paper_out: `Il n'y a plus de papier dans l'imprimante de reçus. Mettez un rouleau neuf, puis réessayez. ${A4}`,
  printer_paper_ran_out: `Le papier s'est terminé pendant l'impression : le reçu est incomplet. Mettez un rouleau neuf ; la fin du reçu peut alors sortir toute seule. ${CHECK_PAPER} ${A4}`,
  printer_cover_open: `Le capot de l'imprimante de reçus est ouvert. Rien n'a été imprimé. Fermez-le, puis réessayez. ${A4}`,
  printer_dropped: `La connexion avec l'imprimante s'est coupée pendant l'impression : le reçu est peut-être incomplet. ${CHECK_PAPER} Puis réessayez. ${A4}`,
  printer_unconfirmed: `L'imprimante n'a pas confirmé la fin de l'impression. ${CHECK_PAPER} Si rien n'est sorti, réessayez. ${A4}`,
  printer_device_missing: `L'imprimante de reçus n'est pas trouvée sur ce poste. Rien n'a été imprimé. Vérifiez son câble USB et qu'elle est allumée, puis réessayez. ${A4}`,
  printer_device_error: `L'envoi vers l'imprimante de reçus a échoué. ${CHECK_PAPER} Puis réessayez. ${A4}`,
  printer_no_driver: `Ce poste ne sait pas imprimer directement sur cette imprimante système. Rien n'a été imprimé. Le référent numérique peut choisir une imprimante réseau ou USB. ${A4}`,
  printer_bad_interface: `Le réglage de l'imprimante de reçus n'est pas valide. Rien n'a été imprimé. Le référent numérique doit le corriger. ${A4}`,
  printer_stalled: `L'imprimante de reçus a arrêté de prendre le reçu (papier, capot, câble ?). L'envoi est arrêté. Le reçu est peut-être sorti en partie. ${CHECK_PAPER} ${A4}`,
  printer_cancelled: `L'impression du reçu est annulée. Plus rien ne sera envoyé à l'imprimante pour ce reçu.`,
  printer_session_ended: `L'accompagnement est terminé : l'impression du reçu est arrêtée. Plus rien ne sera envoyé à l'imprimante.`,
  printer_no_status: `L'imprimante de reçus est joignable mais ne répond pas aux demandes d'état. Rien n'a été imprimé. Vérifiez le papier et le capot, puis réessayez. Si cela recommence, le référent numérique peut désactiver « Demander son état » dans les réglages de l'imprimante. ${A4}`,
  printer_check_receipt: `Le reçu est-il sorti ? Regardez l'imprimante, puis répondez avant de lancer une nouvelle impression.`,
  printer_system_failed: `L'impression en A4 n'a pas abouti. Le PDF du reçu est enregistré dans l'accompagnement : vous pouvez réessayer ou le donner à la personne.`,
};

/** Why a running job was stopped from outside: its deadline, the mediator's "Annuler", the end of the session. */
export type StopReason = 'deadline' | 'cancelled' | 'session_ended';

/** The fault for a job stopped for `reason`, knowing what had left already. */
export function stopFault(reason: unknown, sent: Sent): PrintFault {
  if (reason === 'cancelled') return printFault('printer_cancelled', sent);
  if (reason === 'session_ended') return printFault('printer_session_ended', sent);
  return printFault(sent === 'none' ? 'printer_timeout' : 'printer_stalled', sent);
}

export class PrintFault extends CounterFault {
  constructor(
    readonly printCode: PrintFaultCode,
    readonly sent: Sent,
    options?: { cause?: unknown },
  ) {
    super(printCode, MESSAGES[printCode], options);
  }
}

export function printFault(code: PrintFaultCode, sent: Sent = 'none', cause?: unknown): PrintFault {
  return new PrintFault(code, sent, { cause });
}

/** Maps a socket error (before anything was sent) to the counter's fault. */
export function connectFault(error: unknown): PrintFault {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return printFault('printer_refused', 'none', error);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return printFault('printer_unknown_host', 'none', error);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return printFault('printer_unreachable', 'none', error);
    case 'ETIMEDOUT':
      return printFault('printer_timeout', 'none', error);
    default:
      return printFault('printer_refused', 'none', error);
  }
}
