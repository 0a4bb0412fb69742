import { RE2JS } from 're2js';
import type { Demarche, FormatCheck, FormatKind } from '../../preload/api';

/**
 * Checks what the usager is about to type on the official site, before they type it. Pure functions. The plate
 * rules are sure (SIV); the e-photo length is only usual (22, 21 reported: catalog review 2026-12), so another
 * length warns and never refuses; the numéro de pré-demande has exactly 10 letters or digits (the ANTS check of RDV
 * Service Public). The codes whose form no official source confirmed take their pattern from the catalog entry,
 * where the référent can correct it; an unknown form is accepted with a warning.
 */

/** SIV plate (since 2009): two letters, three digits, two letters — AB-123-CD. */
const SIV = /^([A-Z]{2})-?(\d{3})-?([A-Z]{2})$/;
/** Older FNI plate: 1 to 4 digits, 1 to 3 letters, département (2 digits, 2A/2B, or 971–976) — 1234 AB 56. */
const FNI = /^(\d{1,4})([A-Z]{1,3})(\d{2}|2A|2B|97[1-6])$/;
/** The usual length of the e-photo code; not confirmed by an official text. */
export const EPHOTO_USUAL_LENGTH = 22;
export const PRE_DEMANDE_LENGTH = 10;
/** The contract caps typed values at 200 characters; a pattern never sees more. */
const MAX_INPUT = 200;

function squeeze(value: string): string {
  return value.toUpperCase().replace(/[\s\u00a0.-]+/g, '');
}

/** What SIV never issues: I, O, U (read as 1, 0, V), SS, and 000 (WW is for provisional plates only). */
function sivWarnings(letters: string[], digits: string): string[] {
  const warnings: string[] = [];
  const joined = letters.join(' ');
  if (/[IOU]/.test(joined)) {
    warnings.push(
      'Les plaques actuelles n’ont jamais les lettres I, O ou U. Un O est peut-être un zéro, un I un 1 : relisez la carte grise.',
    );
  }
  if (letters.includes('SS')) warnings.push('Les plaques actuelles n’ont jamais « SS » : relisez la carte grise.');
  if (letters[0] === 'WW') warnings.push('« WW » est une plaque provisoire (véhicule venu de l’étranger, en attente).');
  if (digits === '000') warnings.push('Les plaques actuelles n’ont jamais « 000 » : relisez la carte grise.');
  return warnings;
}

export function checkPlate(value: string): FormatCheck {
  const raw = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!raw) return { ok: false, normalized: '', message: 'Tapez le numéro de la plaque.' };
  const siv = SIV.exec(raw.replace(/[\s]/g, ''));
  if (siv) {
    const normalized = `${siv[1]}-${siv[2]}-${siv[3]}`;
    const warnings = sivWarnings([siv[1]!, siv[3]!], siv[2]!);
    if (warnings.length > 0) {
      return { ok: true, warning: true, normalized, message: warnings.join(' ') };
    }
    return {
      ok: true,
      normalized,
      message: `Plaque au format actuel (SIV). Sur le site, tapez-la avec les tirets : ${normalized}.`,
    };
  }
  const fni = FNI.exec(squeeze(raw));
  if (fni) {
    const normalized = `${fni[1]} ${fni[2]} ${fni[3]}`;
    return { ok: true, normalized, message: `Ancienne plaque (FNI) : ${normalized}.` };
  }
  const looksSiv = /^[A-Z0-9]{2}-?[A-Z0-9]{3}-?[A-Z0-9]{2}$/.test(raw.replace(/\s/g, '')) && /O/.test(raw);
  return {
    ok: false,
    normalized: raw,
    message:
      (looksSiv ? 'Il y a la lettre O : c’est peut-être un zéro. ' : '') +
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
  if (normalized.length !== EPHOTO_USUAL_LENGTH) {
    // No official length: 22 is usual, 21 was reported. Warn, never refuse.
    return {
      ok: true,
      warning: true,
      normalized,
      message: `Vous avez tapé ${normalized.length} caractères. Le code e-photo en a souvent ${EPHOTO_USUAL_LENGTH}. Relisez la planche photo. Si le code est recopié exactement, gardez-le.`,
    };
  }
  return {
    ok: true,
    normalized,
    message: `Code e-photo de ${EPHOTO_USUAL_LENGTH} caractères. Il ne sert qu'une fois et reste valable 6 mois.`,
  };
}

/** The numéro de pré-demande: exactly 10 letters or digits (RDV Service Public's ANTS check). */
export function checkPreDemande(value: string): FormatCheck {
  const typed = value.trim();
  const normalized = squeeze(typed);
  if (!normalized) return { ok: false, normalized, message: 'Tapez le numéro de pré-demande.' };
  if (/^[A-Z0-9]{10}$/.test(normalized)) {
    return { ok: true, normalized, message: 'Le numéro de pré-demande a bien 10 chiffres et lettres.' };
  }
  return {
    ok: false,
    normalized,
    message: `Le numéro de pré-demande a exactement ${PRE_DEMANDE_LENGTH} chiffres et lettres. Vous en avez tapé ${normalized.replace(/[^A-Z0-9]/g, '').length}. Relisez le récapitulatif de la pré-demande.`,
  };
}

/** A compiled pattern, or the French reason it cannot run in linear time (backreferences, lookarounds…). */
export type CompiledPattern = { ok: true; test: (value: string) => boolean } | { ok: false; reason: string };

const compiled = new Map<string, CompiledPattern>();

/**
 * Compiles a catalog or local pattern with RE2 semantics (re2js): matching time is linear in the input, so a
 * pattern such as ^(A+)+$ can never block the main process. What RE2 cannot run is refused, never run elsewhere.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const known = compiled.get(pattern);
  if (known) return known;
  let result: CompiledPattern;
  try {
    const re = RE2JS.compile(pattern);
    result = { ok: true, test: (value) => re.matcher(value).find() };
  } catch {
    result = {
      ok: false,
      reason: `le modèle ${pattern} ne peut pas être vérifié (références arrière, regards en avant ou syntaxe inconnue) : écrivez-le sans ces constructions.`,
    };
  }
  if (compiled.size > 500) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

/**
 * A code checked against a catalog pattern; with no pattern known, any non-empty value passes with a warning.
 * The value is echoed as typed (trimmed): the help says « recopiez-le tel quel », dashes included.
 */
export function checkPattern(
  value: string,
  rule: { label: string; pattern: string | null; unsure?: boolean },
): FormatCheck {
  const typed = value.trim().replace(/\s+/g, ' ');
  const label = rule.label.toLowerCase();
  if (!typed) return { ok: false, normalized: '', message: `Tapez le ${label}.` };
  if (typed.length > MAX_INPUT) {
    return {
      ok: false,
      normalized: '',
      message: `Ce ${label} est trop long (plus de ${MAX_INPUT} caractères). Relisez-le.`,
    };
  }
  if (rule.pattern === null) {
    return {
      ok: true,
      warning: true,
      normalized: typed,
      message: `Le format du ${label} n'est pas connu du poste : relisez-le caractère par caractère.`,
    };
  }
  const pattern = compilePattern(rule.pattern);
  if (!pattern.ok) {
    return {
      ok: true,
      warning: true,
      normalized: typed,
      message: `Le poste ne peut pas vérifier le ${label} : son modèle n'est pas valide. Relisez-le caractère par caractère.`,
    };
  }
  if (pattern.test(typed) || pattern.test(squeeze(typed))) {
    return { ok: true, normalized: typed, message: `Le ${label} a la forme attendue.` };
  }
  return {
    ok: false,
    normalized: typed,
    message: `Le ${label} n'a pas la forme habituelle. Relisez-le.${rule.unsure ? ' Le format attendu n’est pas sûr : s’il est recopié exactement, vous pouvez le garder.' : ''}`,
  };
}

export function checkFormat(kind: FormatKind, value: string, demarche?: Demarche): FormatCheck {
  switch (kind) {
    case 'plaque':
      return checkPlate(value);
    case 'ephoto':
      return checkEphoto(value);
    case 'pre-demande':
      return checkPreDemande(value);
    case 'numero':
      return checkPattern(value, demarche?.numero ?? { label: 'Numéro de demande', pattern: null });
    default: {
      const rule = demarche?.formats.find((format) => format.kind === kind);
      return checkPattern(value, rule ?? { label: 'Code de cession', pattern: null, unsure: true });
    }
  }
}
