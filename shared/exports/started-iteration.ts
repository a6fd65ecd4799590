/**
 * Takes the first item before handing the iterable on, so that what fails at the start (the
 * first store read, say) fails while an answer can still be an error. Closing the returned
 * iterable early closes the source.
 */
export async function startedIteration<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* rest() {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return rest();
}
