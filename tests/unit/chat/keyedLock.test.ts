import { describe, expect, it } from 'vitest';
import { KeyedLock } from '../../../runtime/src/server/chat/keyedLock';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedLock.idle', () => {
  it('resolves at once when nothing runs, and otherwise only after every queued task of every key', async () => {
    const lock = new KeyedLock();
    await lock.idle();
    const first = deferred();
    const second = deferred();
    const order: string[] = [];
    const a1 = lock.run('a', async () => {
      await first.promise;
      order.push('a1');
    });
    const a2 = lock.run('a', async () => {
      order.push('a2');
    });
    const b = lock.run('b', async () => {
      await second.promise;
      order.push('b');
    });
    const idle = lock.idle().then(() => order.push('idle'));
    first.resolve();
    await Promise.all([a1, a2]);
    await Promise.resolve();
    expect(order).toEqual(['a1', 'a2']);
    second.resolve();
    await Promise.all([b, idle]);
    expect(order).toEqual(['a1', 'a2', 'b', 'idle']);
  });

  it('resolves after a task that failed', async () => {
    const lock = new KeyedLock();
    const failing = lock.run('a', async () => {
      throw new Error('turn failed');
    });
    const idle = lock.idle();
    await expect(failing).rejects.toThrow('turn failed');
    await idle;
  });
});
