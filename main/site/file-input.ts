/**
 * Answering the official site's file chooser through the DevTools protocol, the way Electron's `webContents.debugger`
 * (and test drivers) speak it. `DOM.setFileInputFiles` gives the input File objects backed by the paths: Chromium
 * reads the disk each time the page reads a file (an upload at submit, a FileReader), so a copy deleted too soon
 * would break the upload. The input is therefore made to hold the files in memory right away, and the decrypted
 * copies on disk can go a few seconds later (main/site/upload-copies.ts).
 */

/** One DevTools protocol command: `webContents.debugger.sendCommand` in Electron, a CDP session in tests. */
export type DevToolsSend = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

/** Runs on the input element: replaces its disk-backed files by in-memory copies (no event: the page had its own). */
const KEEP_IN_MEMORY = `async function () {
  const copies = await Promise.all(Array.from(this.files || [], async (file) =>
    new File([await file.arrayBuffer()], file.name, { type: file.type, lastModified: file.lastModified })));
  const transfer = new DataTransfer();
  for (const copy of copies) transfer.items.add(copy);
  this.files = transfer.files;
  return copies.length;
}`;

/**
 * Gives `paths` to the chooser's input (node `backendNodeId`), then has the input keep them in memory. Returns
 * whether the input now holds in-memory copies (false: it still reads the paths, e.g. a page that forbids it).
 */
export async function answerFileChooser(send: DevToolsSend, backendNodeId: number, paths: string[]): Promise<boolean> {
  await send('DOM.setFileInputFiles', { files: paths, backendNodeId });
  let objectId: string | undefined;
  try {
    const resolved = (await send('DOM.resolveNode', { backendNodeId })) as { object?: { objectId?: string } };
    objectId = resolved.object?.objectId;
    if (!objectId) return false;
    const result = (await send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: KEEP_IN_MEMORY,
      awaitPromise: true,
      returnByValue: true,
    })) as { result?: { value?: unknown }; exceptionDetails?: unknown };
    return !result.exceptionDetails && result.result?.value === paths.length;
  } catch {
    return false;
  } finally {
    if (objectId) await send('Runtime.releaseObject', { objectId }).catch(() => undefined);
  }
}
