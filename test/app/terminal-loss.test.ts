// The terminal-loss guard: EIO on the terminal streams starts the quit once and is remembered
// (so the exit closes the dead descriptors); any other stream error is still a crash.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardTerminalLoss } from '../../src/app/terminal-loss.js';

function lostError(code: string): Error {
  return Object.assign(new Error(`write ${code}`), { code });
}

describe('guardTerminalLoss', () => {
  it('quits once on the first EIO and says the terminal is lost', () => {
    const streams = { stdout: new EventEmitter(), stdin: new EventEmitter() };
    let quits = 0;
    const guard = guardTerminalLoss(streams, () => (quits += 1));
    expect(guard.lost()).toBe(false);
    streams.stdout.emit('error', lostError('EIO'));
    streams.stdin.emit('error', lostError('EIO'));
    expect(quits).toBe(1);
    expect(guard.lost()).toBe(true);
    guard.dispose();
  });

  it('rethrows an error that does not mean the terminal is gone', () => {
    const streams = { stdout: new EventEmitter(), stdin: new EventEmitter() };
    const guard = guardTerminalLoss(streams, () => undefined);
    expect(() => streams.stdout.emit('error', lostError('ENOSPC'))).toThrow('write ENOSPC');
    expect(guard.lost()).toBe(false);
    guard.dispose();
    expect(streams.stdout.listenerCount('error')).toBe(0);
  });
});
