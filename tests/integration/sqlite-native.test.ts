import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * better-sqlite3 before 13 wraps its statements in Node's raw ObjectWrap; on Node 24 a statement
 * collected by the garbage collector, or left at exit, aborts the whole process
 * ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook): a server that
 * prepares statements would die at some GC. This runs the module on this Node, in a process of
 * its own, through many statements, collections and the exit.
 */
describe('the SQLite driver on this Node.js', () => {
  it('survives statements being collected and the process exiting (no native abort)', () => {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const script = `
      const Database = require(${JSON.stringify(driver)});
      const db = new Database(':memory:');
      for (let i = 0; i < 5000; i++) db.prepare('select ' + i + ' as n').get();
      globalThis.gc();
      setTimeout(() => { for (let i = 0; i < 5000; i++) db.prepare('select ' + i + ' + 1 as n').get(); }, 10);`;
    const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect({ status: run.status, signal: run.signal, abort: /Assertion failed/.test(run.stderr) }).toEqual({ status: 0, signal: null, abort: false });
  });
});
