/**
 * The upload crash test's victim: a station answering the official site's file chooser, killed with SIGKILL while
 * the input reads the decrypted copies (its setFiles never returns). Prints "ready" with the copies' paths and
 * their bytes (base64), then waits (upload-copies.test.ts).
 */
import { victimInput } from '../../helpers/victim';
import { chooserHost, openUploadStation, sessionWithPiece } from './upload-station';

async function main() {
  const [dataDir] = process.argv.slice(2) as [string];
  const { canary } = JSON.parse(await victimInput()) as { canary: string };
  const { host } = chooserHost({
    hold: async (answer) => {
      process.stdout.write(
        `ready ${JSON.stringify({ pid: process.pid, paths: answer.paths, bytes: answer.read.map((b) => b.toString('base64')) })}\n`,
      );
      await new Promise(() => {}); // the page is still reading when the process dies
    },
  });
  const services = openUploadStation(dataDir, host);
  const id = await sessionWithPiece(services, `${canary}-passeport.jpg`);
  await services.site.chooseFiles([id]);
}

void main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
