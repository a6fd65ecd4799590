import { useCallback, useEffect, useRef } from 'react';

/** Whether the component is still on screen: async handlers check it before setting state. */
export function useMounted(): () => boolean {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);
  return useCallback(() => mounted.current, []);
}
