/**
 * The CI dependency audit (scripts/npm-audit.mjs): high and critical advisories fail; an audit service that cannot
 * be reached is reported as "not checked", never as findings and never as a clean result.
 */
import { describe, expect, it } from 'vitest';
import { readAuditReport } from '../../../scripts/npm-audit.mjs';

const report = (vulnerabilities: Record<string, unknown>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 1, moderate: 1, high: 1, critical: 0, total: 3 } },
  });

const vulnerability = (name: string, severity: string) => ({
  name,
  severity,
  isDirect: false,
  via: [{ source: 1, name, title: `Bad thing in ${name}`, url: `https://github.com/advisories/${name}`, severity }],
  effects: [],
  range: '<9.9.9',
  nodes: [`node_modules/${name}`],
  fixAvailable: true,
});

describe('reading npm audit', () => {
  it('fails on a high or critical advisory and names it', () => {
    const reading = readAuditReport(
      report({ ws: vulnerability('ws', 'high'), qs: vulnerability('qs', 'moderate'), ip: vulnerability('ip', 'low') }),
    );
    expect(reading.status).toBe('findings');
    if (reading.status === 'unavailable') return;
    expect(reading.blocking.map((v) => v.name)).toEqual(['ws']);
    expect(reading.blocking[0]!.advisories[0]).toContain('https://github.com/advisories/ws');
  });

  it('lets moderate and low advisories through', () => {
    expect(readAuditReport(report({ qs: vulnerability('qs', 'moderate') })).status).toBe('clean');
    expect(readAuditReport(report({})).status).toBe('clean');
  });

  it('looks only at the named packages when asked (Electron, shipped though a devDependency)', () => {
    const full = report({ electron: vulnerability('electron', 'critical'), vite: vulnerability('vite', 'high') });
    const reading = readAuditReport(full, ['electron']);
    expect(reading.status === 'findings' && reading.blocking.map((v) => v.name)).toEqual(['electron']);
    expect(readAuditReport(report({ vite: vulnerability('vite', 'high') }), ['electron']).status).toBe('clean');
  });

  it('says "not checked" when the audit service is unreachable, rather than clean or failed', () => {
    // What npm 11 prints here, where the registry proxy allows downloads only.
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      method: 'POST',
      statusCode: 405,
      body: '',
      error: { summary: '', detail: '' },
    });
    expect(readAuditReport(refused)).toEqual({
      status: 'unavailable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    const offline = JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry… failed' } });
    expect(readAuditReport(offline).status).toBe('unavailable');
    expect(readAuditReport('').status).toBe('unavailable');
  });
});
