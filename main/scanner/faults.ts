import { CounterFault } from '../errors';
import { EsclReplyError } from './escl-client';
import { EsclHttpError } from './escl-http';
import { EsclXmlError } from './escl-xml';

/**
 * What went wrong with the scanner, in French, with what to do. Every message ends by reminding that nothing
 * half-scanned is kept and that the folder or the file choice still works.
 */
const FALLBACK = 'Aucune page n’a été gardée. Vous pouvez aussi scanner vers le dossier ou choisir un fichier.';

export type ScannerFaultCode =
  | 'scanner_unreachable'
  | 'scanner_busy'
  | 'scanner_adf_empty'
  | 'scanner_jam'
  | 'scanner_cover_open'
  | 'scanner_cancelled_on_device'
  | 'scanner_page_timeout'
  | 'scanner_dropped'
  | 'scanner_untrusted_certificate'
  | 'scanner_certificate_changed'
  | 'scanner_other_device'
  | 'scanner_not_configured'
  | 'scanner_bad_reply'
  | 'scanner_page_too_large'
  | 'scanner_source_missing'
  | 'scanner_running'
  | 'scanner_cancelled';

const MESSAGES: Record<ScannerFaultCode, string> = {
  scanner_unreachable: `Le scanner ne répond pas. Vérifiez qu’il est allumé et relié au réseau, puis réessayez. ${FALLBACK}`,
  scanner_busy: `Le scanner est occupé par une autre tâche (une copie, une autre numérisation). Attendez qu’il ait fini, puis réessayez. ${FALLBACK}`,
  scanner_adf_empty:
    'Le chargeur du scanner est vide. Posez les feuilles dans le chargeur, face à scanner vers le haut, puis appuyez de nouveau sur « Numériser ». Pour une seule feuille, vous pouvez aussi choisir la vitre.',
  scanner_jam: `Une feuille est coincée dans le chargeur. Ouvrez le capot du chargeur, retirez la feuille sans la déchirer, puis recommencez avec toutes les pages. ${FALLBACK}`,
  scanner_cover_open: `Le capot du scanner est ouvert. Fermez-le, puis recommencez. ${FALLBACK}`,
  scanner_cancelled_on_device: `La numérisation a été annulée sur le scanner lui-même. ${FALLBACK} Relancez-la si besoin.`,
  scanner_page_timeout: `Le scanner n’a pas envoyé la page à temps. La numérisation a été arrêtée sur le scanner. Vérifiez l’écran du scanner, puis recommencez. ${FALLBACK}`,
  scanner_dropped: `La liaison avec le scanner a été coupée pendant la numérisation. Vérifiez qu’il est allumé et relié au réseau, puis recommencez. ${FALLBACK}`,
  scanner_untrusted_certificate:
    'Ce scanner utilise une connexion chiffrée avec un certificat que l’ordinateur ne connaît pas. Comparez l’empreinte ci-dessous avec celle affichée par le scanner (page « réseau » ou « sécurité » de son menu). Si elles sont identiques, acceptez-la une fois : elle sera retenue.',
  scanner_certificate_changed:
    'Le certificat du scanner n’est plus celui qui a été accepté. Ce n’est peut-être pas le même appareil : rien n’a été envoyé ni reçu. Le référent numérique doit vérifier le scanner et accepter de nouveau son empreinte.',
  scanner_other_device:
    'Un autre appareil que le scanner réglé répond à cette adresse. Par sécurité, il est refusé. Le référent numérique doit vérifier l’adresse du scanner ou choisir de nouveau le scanner.',
  scanner_not_configured:
    'Aucun scanner n’est réglé sur ce poste. Le référent numérique peut en choisir un (Espace référent, onglet Scanner). En attendant, scannez vers le dossier ou choisissez un fichier.',
  scanner_bad_reply: `Le scanner a répondu d’une façon que l’application ne comprend pas. Réessayez ; si cela recommence, prévenez le référent numérique. ${FALLBACK}`,
  scanner_page_too_large: `Une page envoyée par le scanner est trop lourde. Choisissez une résolution plus basse ou les niveaux de gris, puis recommencez. ${FALLBACK}`,
  scanner_source_missing:
    'Ce scanner n’a pas cette source (vitre, chargeur ou recto-verso). Choisissez une autre source.',
  scanner_running: 'Une numérisation est déjà en cours. Attendez qu’elle finisse ou annulez-la.',
  scanner_cancelled: 'La numérisation a été annulée. Aucune page n’a été gardée.',
};

export function scannerFault(code: ScannerFaultCode, detail?: string): CounterFault {
  return new CounterFault(code, detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code]);
}

export function isScannerFault(error: unknown, code?: ScannerFaultCode): error is CounterFault {
  return error instanceof CounterFault && error.code.startsWith('scanner_') && (!code || error.code === code);
}

/** Turns a transport or protocol error into the counter's fault. */
export function faultFrom(error: unknown, during: 'setup' | 'job' = 'job'): CounterFault {
  if (error instanceof CounterFault) return error;
  if (error instanceof EsclHttpError) {
    const { failure } = error;
    switch (failure.kind) {
      case 'unreachable':
        return scannerFault('scanner_unreachable');
      case 'timeout':
        return scannerFault(during === 'setup' ? 'scanner_unreachable' : 'scanner_page_timeout');
      case 'dropped':
        return scannerFault(during === 'setup' ? 'scanner_unreachable' : 'scanner_dropped');
      case 'too_large':
        return scannerFault('scanner_page_too_large');
      case 'untrusted_certificate':
        return scannerFault('scanner_untrusted_certificate');
      case 'certificate_changed':
        return scannerFault('scanner_certificate_changed');
    }
  }
  if (error instanceof EsclReplyError && error.status === 503) return scannerFault('scanner_busy');
  if (error instanceof EsclReplyError || error instanceof EsclXmlError) return scannerFault('scanner_bad_reply');
  return scannerFault('scanner_bad_reply');
}
