// Polls `read` until it returns `want` (deep-equal) or the timeout passes, then
// fails with the last value seen: the app renders asynchronously.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';

export async function expect(read, want, { timeout = 5000, message } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (isDeepStrictEqual(last, want)) return;
    if (Date.now() > end) assert.deepEqual(last, want, message);
    await new Promise((r) => setTimeout(r, 50));
  }
}
