import { describe, expect, it } from 'vitest';
import { withDeadline } from '../../../api/src/redis/redisConnection';

describe('withDeadline', () => {
  it('passes an answer or a failure through, and fails a command Redis does not answer in time', async () => {
    await expect(withDeadline(Promise.resolve('PONG'), 50)).resolves.toBe('PONG');
    await expect(withDeadline(Promise.reject(new Error('closed')), 50)).rejects.toThrow('closed');
    await expect(withDeadline(new Promise(() => undefined), 20)).rejects.toThrow('Redis did not answer within 20 ms');
  });
});
