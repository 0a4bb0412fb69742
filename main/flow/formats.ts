import type { Demarche, FormatCheck, FormatKind } from '../../preload/api';

/**
 * Checks what the usager is about to type on the official site, before they type it. Pure functions. The plate
 * and e-photo rules are sure (shared/domain/demarches.md); the codes whose form no official source confirmed
 * (numéro de dossier, code de cession, numéro de pré-demande) take their pattern from the démarche's catalog
 * entry, where the référent can correct it, and an unknown form is accepted with a warning.
 */

/** SIV plate (since 2009): two letters, three digits, two letters — AB-123-CD. */
const SIV = /^([A-Z]{2})-?(\d{3})-?([A-Z]{2})$/;
/** Older FNI plate: 1 to 4 digits, 1 to 3 letters, département (2 digits, 2A/2B, or 971–976) — 1234 AB 56. */
const FNI = /^(\d{1,4})([A-Z]{1,3})(\d{2}|2A|2B|97[1-6])$/;
export const EPHOTO_LENGTH = 22;

function squeeze(value: string): string {
  return value.toUpperCase().replace(/[\s\u00a0.-]+/g, '');
}

export function checkPlate(value: string): FormatCheck {
  const raw = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!raw) return { ok: false, normalized: '', message: 'Tapez le numéro de la plaque.' };
  const siv = SIV.exec(raw.replace(/[\s]/g, ''));
  if (siv) {
    return {
      ok: true,
      normalized: `${siv[1]}-${siv[2]}-${siv[3]}`,
      message:
        'Plaque au format actuel (SIV). Sur le site, tapez-la avec les tirets : ' + `${siv[1]}-${siv[2]}-${siv[3]}.`,
    };
  }
  const fni = FNI.exec(squeeze(raw));
  if (fni) {
    const normalized = `${fni[1]} ${fni[2]} ${fni[3]}`;
    return { ok: true, normalized, message: `Ancienne plaque (FNI) : ${normalized}.` };
  }
  return {
    ok: false,
    normalized: raw,
    message:
      'Ce numéro ne ressemble pas à une plaque française. Format actuel : 2 lettres, 3 chiffres, 2 lettres (AB-123-CD). Ancien format : chiffres, lettres, département (1234 AB 56). Relisez la carte grise.',
  };
}

export function checkEphoto(value: string): FormatCheck {
  const normalized = squeeze(value);
  if (!normalized) return { ok: false, normalized, message: 'Tapez le code e-photo.' };
  if (!/^[A-Z0-9]+$/.test(normalized)) {
    return {
      ok: false,
      normalized,
      message: 'Le code e-photo contient seulement des lettres et des chiffres. Relisez la planche photo.',
    };
  }
  if (normalized.length !== EPHOTO_LENGTH) {
    return {
      ok: false,
      normalized,
      message: `Le code e-photo a ${EPHOTO_LENGTH} caractères. Vous en avez tapé ${normalized.length}. Relisez la planche photo.`,
    };
  }
  return {
    ok: true,
    normalized,
    message: `Code e-photo complet (${EPHOTO_LENGTH} caractères). Il ne sert qu'une fois et reste valable 6 mois.`,
  };
}

/** A code checked against a catalog pattern; with no pattern known, any non-empty value passes with a warning. */
export function checkPattern(
  value: string,
  rule: { label: string; pattern: string | null; unsure?: boolean },
): FormatCheck {
  const normalized = squeeze(value);
  if (!normalized) return { ok: false, normalized, message: `Tapez le ${rule.label.toLowerCase()}.` };
  if (rule.pattern === null) {
    return {
      ok: true,
      normalized,
      message: `Le format du ${rule.label.toLowerCase()} n'est pas connu du poste : relisez-le caractère par caractère.`,
    };
  }
  if (new RegExp(rule.pattern).test(normalized)) {
    return { ok: true, normalized, message: `Le ${rule.label.toLowerCase()} a la forme attendue.` };
  }
  return {
    ok: false,
    normalized,
    message: `Le ${rule.label.toLowerCase()} n'a pas la forme habituelle. Relisez-le.${rule.unsure ? ' Le format attendu n’est pas sûr : s’il est recopié exactement, vous pouvez le garder.' : ''}`,
  };
}

export function checkFormat(kind: FormatKind, value: string, demarche?: Demarche): FormatCheck {
  switch (kind) {
    case 'plaque':
      return checkPlate(value);
    case 'ephoto':
      return checkEphoto(value);
    case 'numero':
      return checkPattern(value, demarche?.numero ?? { label: 'Numéro de demande', pattern: null });
    default: {
      const rule = demarche?.formats.find((format) => format.kind === kind);
      const label = kind === 'code-cession' ? 'Code de cession' : 'Numéro de pré-demande';
      return checkPattern(value, rule ?? { label, pattern: null, unsure: true });
    }
  }
}
