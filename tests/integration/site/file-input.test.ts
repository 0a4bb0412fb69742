import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFileChooser } from '../../../main/site/file-input';
import { chromiumPath } from '../../../scripts/chromium-path.mjs';

/**
 * The site's file chooser answered the way the desktop app does it (DevTools protocol, as Electron's
 * webContents.debugger sends it), in a real Chromium: what the input holds once the decrypted copy is deleted.
 */
let browser: Browser | undefined;
let why = '';
beforeAll(async () => {
  try {
    browser = await chromium.launch({ executablePath: chromiumPath() });
  } catch (error) {
    why = `no Chromium to drive here (${(error as Error).message.split('\n')[0]})`;
  }
});
afterAll(async () => {
  await browser?.close();
});

async function pageWithInput(
  action = 'about:blank',
): Promise<{ page: Page; cdp: CDPSession; chooser: () => Promise<number> }> {
  const page = await browser!.newPage();
  await page.setContent(
    `<form method="post" enctype="multipart/form-data" action="${action}"><input type="file" name="piece" id="piece" multiple></form>`,
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setInterceptFileChooserDialog', { enabled: true });
  const chooser = async () => {
    const opened = new Promise<number>((done) =>
      cdp.once('Page.fileChooserOpened', (event) => done(event.backendNodeId!)),
    );
    await page.click('#piece');
    return opened;
  };
  return { page, cdp, chooser };
}

const contents = (page: Page) =>
  page.evaluate(async () => {
    const input = document.querySelector<HTMLInputElement>('#piece')!;
    return Promise.all(
      Array.from(input.files ?? [], async (file) => ({ name: file.name, text: await file.text().catch(() => null) })),
    );
  });

describe('the site file input, in a real Chromium', () => {
  it('holds the pièces in memory once answered: deleting the decrypted copies does not break the upload', async (context) => {
    if (!browser) return context.skip(why);
    // The official site's server, on 127.0.0.1: what the form's upload really sends.
    const received: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      request.on('end', () => {
        if (request.method === 'POST') received.push(body);
        response.end('<p>reçu</p>');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const { page, cdp, chooser } = await pageWithInput(`http://127.0.0.1:${port}/depot`);
    const dir = mkdtempSync(join(tmpdir(), 'pn-upload-'));
    const paths = [join(dir, '1-passeport.jpg'), join(dir, '2-domicile.pdf')];
    writeFileSync(paths[0]!, 'contenu du passeport');
    writeFileSync(paths[1]!, 'contenu du justificatif');
    const inMemory = await answerFileChooser(
      (method, params) => (cdp.send as (method: string, params?: object) => Promise<unknown>)(method, params),
      await chooser(),
      paths,
    );
    expect(inMemory).toBe(true);
    rmSync(dir, { recursive: true });
    expect(await contents(page)).toEqual([
      { name: '1-passeport.jpg', text: 'contenu du passeport' },
      { name: '2-domicile.pdf', text: 'contenu du justificatif' },
    ]);
    // The form is sent later (the mediator clicks "Envoyer"): both pièces reach the server, copies long gone.
    await Promise.all([page.waitForURL(/\/depot$/), page.evaluate(() => document.querySelector('form')!.submit())]);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('filename="1-passeport.jpg"');
    expect(received[0]).toContain('contenu du passeport');
    expect(received[0]).toContain('contenu du justificatif');
    await page.close();
    server.close();
  });

  it('without that step the input reads the disk: a deleted copy can no longer be read (why it exists)', async (context) => {
    if (!browser) return context.skip(why);
    const { page, cdp, chooser } = await pageWithInput();
    const dir = mkdtempSync(join(tmpdir(), 'pn-upload-'));
    const path = join(dir, '1-passeport.jpg');
    writeFileSync(path, 'contenu du passeport');
    await cdp.send('DOM.setFileInputFiles', { files: [path], backendNodeId: await chooser() });
    rmSync(dir, { recursive: true });
    expect(await contents(page)).toEqual([{ name: '1-passeport.jpg', text: null }]);
    await page.close();
  });
});
