import type { z } from 'zod';
import { describeIssue } from './field-errors';
import type { FieldProblem } from './guard-context';

/**
 * Reads one stored section field by field (issue 17, point 2): a field that does not fit its schema falls back
 * ALONE to its default; the other fields keep their stored values. Returns the section and what was reset, with a
 * French reason per field that never repeats the stored value.
 */
export function readSectionFields(
  name: string,
  schema: z.ZodObject,
  stored: { state: 'missing' } | { state: 'unreadable' } | { state: 'stored'; value: unknown },
): { value: Record<string, unknown>; problems: FieldProblem[] } {
  const defaults = schema.parse({}) as Record<string, unknown>;
  if (stored.state === 'missing') return { value: defaults, problems: [] };
  if (stored.state === 'unreadable' || !isPlainObject(stored.value)) {
    return {
      value: defaults,
      problems: [
        {
          field: name,
          code: 'section_unreadable',
          reason:
            'cette partie de la configuration enregistrée est illisible : tous ses réglages ont repris leur valeur par défaut.',
        },
      ],
    };
  }
  const raw = stored.value;
  const value: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [field, fieldSchema] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const parsed = fieldSchema.safeParse(raw[field]);
    if (parsed.success) {
      value[field] = parsed.data;
      continue;
    }
    value[field] = defaults[field];
    const issue = parsed.error.issues[0];
    problems.push({
      field: `${name}.${field}`,
      code: issue?.code ?? 'invalid',
      reason: issue ? withoutValues(describeIssue(issue, [name, field])) : "sa valeur enregistrée n'est pas valide.",
    });
  }
  return { value, problems };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** describeIssue lists allowed values (harmless), never the stored one; this keeps it one sentence. */
function withoutValues(sentence: string): string {
  return sentence
    .replace(/^Le champ « [^»]+ » \([^)]*\) /, 'sa valeur enregistrée ')
    .replace(/^Le champ « [^»]+ » /, 'sa valeur enregistrée ');
}
