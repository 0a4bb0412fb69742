export interface Finding {
  id: string;
  file: string;
  line: number;
  sample: string;
  description: string;
}
export interface AcceptedFinding {
  id: string;
  file: string;
  sample: string;
  reason: string;
}
export const ACCEPTED_FILE: string;
export function readAccepted(markdown: string): AcceptedFinding[];
export function scan(projectDir?: string): Promise<{
  checks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  findings: Finding[];
}>;
export function auditProblems(
  findings: Finding[],
  errors: Array<{ file: string; message: string; tolerable: boolean }>,
  accepted: AcceptedFinding[],
): string[];
