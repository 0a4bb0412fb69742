import { ORIENTATIONS, type Demarche, type Route } from '../../preload/api';

/**
 * Where the eligibility answers lead, asked in order: the first unanswered question is pending; an answer that
 * leads to another démarche or to an orientation ("à faire ailleurs") stops there; when every answer says go on,
 * the usager may do this démarche.
 */
export function routeOf(
  demarche: Demarche,
  answers: Readonly<Record<string, string>>,
  titleOf: (id: string) => string,
): Route {
  for (const question of demarche.questions) {
    const answer = question.answers.find((candidate) => candidate.id === answers[question.id]);
    if (!answer) return { kind: 'pending', questionId: question.id };
    const lead = answer.leadsTo;
    if (lead.kind === 'demarche') {
      return { kind: 'demarche', demarcheId: lead.demarcheId, title: titleOf(lead.demarcheId), why: lead.why };
    }
    if (lead.kind === 'orientation') {
      return {
        kind: 'orientation',
        orientation: lead.orientation,
        to: ORIENTATIONS[lead.orientation].label,
        why: lead.why,
      };
    }
  }
  return { kind: 'eligible' };
}
