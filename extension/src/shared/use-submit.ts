import { useState } from 'react';

/**
 * The state of a form that submits once at a time: busy while it runs, the error it
 * failed with, or the confirmation it ended with. `submit` clears both before it runs.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();

  const submit = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      setDone(await action());
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, done, submit, dismissError: () => setError(undefined) };
}
