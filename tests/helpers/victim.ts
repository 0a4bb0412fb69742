/**
 * Crash tests' victims: a station started in a child process that holds the data, then killed with SIGKILL.
 * `node --import tsx <script>` runs the script in the spawned process itself (the tsx command line would run it in a
 * grandchild, and a SIGKILL would only kill tsx); `kill()` returns once the very process that held the data is dead.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** Reads what the test gave on stdin (inside the victim). */
export async function victimInput(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += (chunk as Buffer).toString();
  return text;
}

/** What the victim printed on its "ready {json}" line. */
export interface VictimReady {
  pid: number;
  [key: string]: unknown;
}

export interface Victim<R extends VictimReady> {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the victim's "ready {…}" line once it holds its data. */
  ready: Promise<R>;
  /** SIGKILLs the victim and resolves once it is gone: killed by that signal, and no such process any more. */
  kill(): Promise<void>;
}

/** True while a process with this pid exists (signal 0 checks without touching it; a gone pid throws ESRCH). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

const running = new Set<ChildProcessWithoutNullStreams>();

/** For afterEach: a victim a failed test did not kill is killed now, so none outlives the test run. */
export function killLeftoverVictims(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/**
 * Starts `script` with `args`; `input` (e.g. the canaries) goes through stdin, never the command line, which other
 * accounts of the machine can read in the process list.
 */
export function startVictim<R extends VictimReady>(script: string, args: string[], input = ''): Victim<R> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdin.end(input);
  let output = '';
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.once('exit', (_code, signal) => {
      running.delete(child);
      done(signal);
    }),
  );
  const ready = new Promise<R>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\{.*\})/.exec(output);
      if (match) done(JSON.parse(match[1]!) as R);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`victim exited early (${code}): ${output}`)));
  });
  return {
    child,
    ready,
    async kill() {
      const { pid } = await ready;
      // The process that holds the data is the one the test kills, not a wrapper.
      if (pid !== child.pid) throw new Error(`the victim's data is held by ${pid}, not by the spawned ${child.pid}`);
      child.kill('SIGKILL');
      const signal = await exited;
      if (signal !== 'SIGKILL') throw new Error(`victim ended by ${signal}, not SIGKILL`);
      if (alive(pid)) throw new Error(`victim ${pid} still alive after SIGKILL`);
    },
  };
}
