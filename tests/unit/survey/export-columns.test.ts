import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, SESSION_COLUMNS } from '../../../main/survey/exports';

const doc = readFileSync(join(__dirname, '../../../main/survey/EXPORT-COLUMNS.md'), 'utf8');

describe('the documented column list of the exports', () => {
  it('documents every column of the session log export, in the order of the file', () => {
    const section = doc.slice(doc.indexOf('## 1.'), doc.indexOf('## 2.'));
    const documented = [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...SESSION_COLUMNS]);
  });

  it('names the columns of the figures export', () => {
    expect(doc).toContain(FIGURE_COLUMNS.join(';'));
  });
});
