import type { Database } from 'better-sqlite3';
import { EndFormSchema, type EndForm, type SatisfactionLevel, type SurveyItem } from '../../../preload/contract/survey';
import type { LogDemarche, LogEntry, ResponseRow } from '../../../main/survey/log-entry';
import { LogWriter } from '../../../main/survey/log-writer';

/** Writes hand-made log entries through the real writer, for statistics, export and retention tests. */
export function logSession(
  db: Database,
  values: {
    day: string;
    minutes?: number;
    demarches?: Array<Partial<LogDemarche>>;
    form?: Partial<EndForm>;
    answers?: Partial<Record<SurveyItem, SatisfactionLevel>>;
    recommend?: 'oui' | 'non' | 'ne_sait_pas' | null;
    mediator?: string;
    startTime?: string;
  },
): number {
  const demarches: LogDemarche[] = (values.demarches ?? []).map((d) => ({
    demarcheId: d.demarcheId ?? 'permis-renouvellement',
    category: d.category ?? 'permis',
    outcome: d.outcome ?? null,
    orientation: d.orientation ?? null,
  }));
  const answered = values.answers !== undefined || values.recommend !== undefined;
  const entry: LogEntry = {
    day: values.day,
    startTime: values.startTime ?? '09:00',
    minutes: values.minutes ?? 30,
    mediator: values.mediator ?? 'Camille',
    form: EndFormSchema.parse(values.form ?? {}),
    demarches,
    pieces: 0,
    receiptPrinted: false,
    surveyAnswered: answered,
  };
  const response: ResponseRow | null = answered
    ? {
        day: values.day,
        demarcheId: demarches[0]?.demarcheId ?? null,
        category: demarches[0]?.category ?? null,
        levels: values.answers ?? {},
        recommend: values.recommend ?? null,
      }
    : null;
  return new LogWriter(db).write(entry, response);
}
