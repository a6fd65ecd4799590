import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: unknown; data?: T };

/**
 * Loads data for a view and keeps the last answer while reloading. Answers that arrive
 * after the inputs changed (or the view went away) are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const generation = useRef(0);
  const run = useCallback(load, deps);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    run().then(
      (data) => { if (generation.current === mine) setState({ status: 'ready', data }); },
      (error: unknown) => { if (generation.current === mine) setState((previous) => ({ status: 'failed', error, data: previous.data })); },
    );
  }, [run]);

  useEffect(() => {
    reload();
    return () => { generation.current++; };
  }, [reload]);

  return { state, reload, setData: (data: T) => setState({ status: 'ready', data }) };
}
