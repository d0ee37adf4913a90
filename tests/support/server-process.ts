import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

export const TSX = join('node_modules', '.bin', 'tsx');

/**
 * Starts `src/server/main.ts` in a process of its own and resolves once it says it is running,
 * with what it printed so far; rejects with its stderr if it exits first. Ends it with `stop()`.
 */
export async function startServerProcess(args: string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string; stop(): void }> {
  const child = spawn(TSX, ['src/server/main.ts', ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('Borne is running')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return { stdout, stderr, stop: () => child.kill('SIGTERM') };
}

/** Runs a script to its end; its stdin gets `input` (a password for --password-stdin), then closes. */
export async function runTool(script: string, args: string[], env: Record<string, string>, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(TSX, [script, ...args], { env: { ...process.env, PORT: '0', ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}
