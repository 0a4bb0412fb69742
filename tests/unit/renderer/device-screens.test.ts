import { describe, expect, it } from 'vitest';
import { PrinterSection } from '../../../preload/contract/config-sections';
import { printerForm, printerPatch } from '../../../renderer/src/features/print/printer-form';
import { scanContract } from '../../../preload/api';
import { nameProblem } from '../../../renderer/src/features/scan/document-name';
import { folderProblem } from '../../../renderer/src/features/scan/folder-path';
import { importMessage } from '../../../renderer/src/features/scan/import-message';
import { defaultSource, scannedText } from '../../../renderer/src/features/scanner/scan-text';

describe('what an import says to the mediator', () => {
  it('counts the documents that came in', () => {
    expect(importMessage({ imported: ['a'], refused: [] })).toEqual({ ok: true, text: 'Le document a été importé.' });
    expect(importMessage({ imported: ['a', 'b', 'c'], refused: [] })).toEqual({
      ok: true,
      text: '3 documents ont été importés.',
    });
  });

  it('a refusal gives its reasons, even when other files came in', () => {
    const outcome = {
      imported: ['a'],
      refused: [
        { name: 'x.jpg', message: 'Le fichier « x.jpg » est trop lourd.' },
        { name: 'y.pdf', message: 'Le fichier « y.pdf » est abîmé.' },
      ],
    };
    expect(importMessage(outcome)).toEqual({
      ok: false,
      text: 'Le fichier « x.jpg » est trop lourd. Le fichier « y.pdf » est abîmé.',
    });
  });

  it('a waiting file refused again points at the list, and an empty pick says nothing', () => {
    expect(importMessage({ imported: [], refused: [] }, true)).toEqual({
      ok: false,
      text: "Le fichier n'a toujours pas pu être importé. La raison est écrite dans la liste.",
    });
    expect(importMessage({ imported: [], refused: [] })).toBeNull();
  });
});

describe('a document’s new name', () => {
  it('is said too long, with its length, where main would refuse it; main’s own limit is read from the contract', () => {
    expect(nameProblem('Avis d’imposition 2025')).toBeNull();
    expect(nameProblem('x'.repeat(200))).toBeNull();
    expect(nameProblem(`  ${'x'.repeat(200)}  `)).toBeNull();
    expect(nameProblem('x'.repeat(201))).toBe('Ce nom est trop long. Il a 201 caractères, 200 au plus.');
    expect(nameProblem('   ')).toBe('Tapez le nouveau nom du document.');
  });
});

describe('the scan folder to test', () => {
  it('is said too long exactly where main would refuse it', () => {
    const accepts = (folder: string) => scanContract['scan.testFolder'].input.safeParse({ folder }).success;
    for (const folder of [`/${'d'.repeat(499)}`, `/${'d'.repeat(500)}`, '   ', '/srv/scans']) {
      expect(folderProblem(folder) === null, folder.slice(0, 20)).toBe(accepts(folder));
    }
    expect(folderProblem(`/${'d'.repeat(500)}`)).toBe('Ce chemin est trop long. Il a 501 caractères, 500 au plus.');
    expect(folderProblem('   ')).toBe('Tapez le chemin du dossier.');
  });
});

describe('the scan dialog', () => {
  it('starts on the feeder when the scanner has one, else on its first source', () => {
    expect(defaultSource(['platen', 'adf', 'adf-duplex'])).toBe('adf');
    expect(defaultSource(['platen'])).toBe('platen');
    expect(defaultSource(['adf-duplex', 'platen'])).toBe('adf-duplex');
    expect(defaultSource([])).toBe('adf');
  });

  it('says how many pages were scanned and to which pièce', () => {
    expect(scannedText(1)).toBe('La page est numérisée et ajoutée.');
    expect(scannedText(1, 'Justificatif de domicile')).toBe(
      'La page est numérisée et ajoutée à « Justificatif de domicile ».',
    );
    expect(scannedText(3, 'Avis d’imposition')).toBe(
      '3 pages numérisées : un seul document PDF est ajouté à « Avis d’imposition ».',
    );
  });
});

describe('the printer panel’s form', () => {
  const stored = PrinterSection.parse({
    enabled: true,
    interface: 'tcp://192.168.1.50:9100',
    timeoutMs: 9000,
    a4Printer: 'Bureau',
  });

  it('splits the interface into how and where, and joins it back unchanged', () => {
    const form = printerForm(stored);
    expect(form).toMatchObject({ kind: 'network', address: '192.168.1.50:9100', enabled: true });
    expect(printerPatch(form).interface).toBe('tcp://192.168.1.50:9100');
    const system = printerForm({ ...stored, interface: 'printer:Caisse 1' });
    expect(system).toMatchObject({ kind: 'system', address: 'Caisse 1' });
    expect(printerPatch({ ...system, kind: 'network', address: ' 10.0.0.7 ' }).interface).toBe('tcp://10.0.0.7:9100');
  });

  it('saves only the panel’s fields: what other panels set stays as main has it', () => {
    const patch = printerPatch({ ...printerForm(stored), width: 32, askStatus: false });
    expect(Object.keys(patch).sort()).toEqual(
      ['askStatus', 'characterSet', 'enabled', 'interface', 'qrMode', 'type', 'width'].sort(),
    );
    expect(patch).toMatchObject({ width: 32, askStatus: false });
    expect(patch).not.toHaveProperty('timeoutMs');
    expect(patch).not.toHaveProperty('a4Printer');
  });
});
