export type AuditReading =
  | { status: 'unavailable'; reason: string }
  | {
      status: 'clean' | 'findings';
      blocking: Array<{ name: string; severity: string; advisories: string[]; fix: string }>;
      total?: Record<string, number>;
    };
export function readAuditReport(stdout: string, only?: string[]): AuditReading;
