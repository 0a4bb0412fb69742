import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DemarcheSchema, ORIENTATIONS, type Demarche } from '../../preload/api';
import { isAllowlistedHttpsUrl } from '../security/navigation';
import { compilePattern } from './formats';

export interface CatalogLoad {
  demarches: Demarche[];
  /** French reasons, one per file or local entry that was refused. */
  problems: string[];
}

/** Reads resources/demarches/*.json and validates each entry with the catalog schema. */
export function readCatalogDir(dir: string): CatalogLoad {
  const demarches: Demarche[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const parsed = parseDemarche(readJson(join(dir, name)), `fichier ${name}`);
    if (parsed.ok) {
      if (parsed.demarche.id !== name.slice(0, -5)) {
        problems.push(`Le fichier ${name} décrit la démarche « ${parsed.demarche.id} » : le nom doit être le même.`);
      } else demarches.push(parsed.demarche);
    } else problems.push(parsed.problem);
  }
  return { demarches, problems };
}

/** The référent's local démarches (config section 'demarches'): each is validated; a bad one is skipped. */
export function parseLocalDemarches(entries: readonly unknown[]): CatalogLoad {
  const demarches: Demarche[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const where = `démarche locale n° ${index + 1}`;
    const parsed = parseDemarche(entry, where);
    if (!parsed.ok) return void problems.push(parsed.problem);
    // A pattern RE2 cannot run (backreference, lookahead) is refused: it would never be run another way.
    const unsafe = patternsOf(parsed.demarche)
      .map(compilePattern)
      .find((compiled) => !compiled.ok);
    if (unsafe && !unsafe.ok) problems.push(`${where} : ${unsafe.reason}`);
    else demarches.push({ ...parsed.demarche, local: true });
  });
  return { demarches, problems };
}

function parseDemarche(
  value: unknown,
  where: string,
): { ok: true; demarche: Demarche } | { ok: false; problem: string } {
  const result = DemarcheSchema.safeParse(value);
  if (result.success) return { ok: true, demarche: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') || 'racine';
  return { ok: false, problem: `${where} : le champ « ${path} » n'est pas valide (${issue?.message ?? 'inconnu'}).` };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Checks what the schema alone cannot: ids unique, every URL on the site allowlist, every pièce of a step exists
 * and is explained, every answer leads somewhere that exists (another démarche of the catalog, a known
 * orientation, or on), every pattern runs in linear time (RE2), every source is dated. Returns French problems; empty when the catalog is sound.
 */
export function checkCatalog(demarches: readonly Demarche[], allowedHosts: readonly string[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of demarches) {
    if (ids.has(d.id)) problems.push(`${d.id} : cet identifiant est utilisé deux fois.`);
    ids.add(d.id);
  }
  for (const d of demarches) {
    const say = (text: string) => problems.push(`${d.id} : ${text}`);
    const urls = [d.startUrl, d.followUp.url, ...d.steps.flatMap((step) => (step.site ? [step.site] : []))];
    for (const url of urls) {
      if (!isAllowlistedHttpsUrl(url, allowedHosts))
        say(`l'adresse ${url} n'est pas dans la liste des sites autorisés.`);
    }
    const pieceIds = new Set<string>();
    for (const piece of d.pieces) {
      if (pieceIds.has(piece.id)) say(`la pièce « ${piece.id} » est en double.`);
      pieceIds.add(piece.id);
      if (piece.explanation.trim().length < 10) say(`la pièce « ${piece.id} » n'est pas expliquée.`);
      if (piece.whereToGet.trim().length < 10) say(`la pièce « ${piece.id} » ne dit pas où l'obtenir.`);
    }
    const stepIds = new Set<string>();
    for (const step of d.steps) {
      if (stepIds.has(step.id)) say(`l'étape « ${step.id} » est en double.`);
      stepIds.add(step.id);
      for (const pieceId of step.pieces) {
        if (!pieceIds.has(pieceId)) say(`l'étape « ${step.id} » cite la pièce inconnue « ${pieceId} ».`);
      }
    }
    const questionIds = new Set<string>();
    for (const question of d.questions) {
      if (questionIds.has(question.id)) say(`la question « ${question.id} » est en double.`);
      questionIds.add(question.id);
      const answerIds = new Set<string>();
      for (const answer of question.answers) {
        if (answerIds.has(answer.id)) say(`la réponse « ${question.id}/${answer.id} » est en double.`);
        answerIds.add(answer.id);
        const lead = answer.leadsTo;
        if (lead.kind === 'demarche' && (!ids.has(lead.demarcheId) || lead.demarcheId === d.id)) {
          say(`la réponse « ${question.id}/${answer.id} » mène à une démarche absente : ${lead.demarcheId}.`);
        }
        if (lead.kind === 'orientation' && !(lead.orientation in ORIENTATIONS)) {
          say(`la réponse « ${question.id}/${answer.id} » mène à une orientation inconnue.`);
        }
      }
    }
    for (const pattern of patternsOf(d)) {
      const compiled = compilePattern(pattern);
      if (!compiled.ok) say(compiled.reason);
    }
    if (Number.isNaN(Date.parse(d.verifiedOn)) || d.verifiedOn > new Date().toISOString().slice(0, 10)) {
      say(`la date de vérification ${d.verifiedOn} n'est pas une date passée.`);
    }
    if (d.numero.required && d.numero.pattern === null && !d.numero.unsure) {
      say('le format du numéro est inconnu : il doit être marqué « unsure ».');
    }
  }
  return problems;
}

function patternsOf(d: Demarche): string[] {
  return [d.numero.pattern, ...d.formats.map((format) => format.pattern)].filter((p): p is string => p !== null);
}
