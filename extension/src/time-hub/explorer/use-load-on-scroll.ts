import { useEffect, useRef } from 'react';

/** Calls `load` whenever the returned element scrolls into view: the grid's "load more" without a click. */
export function useLoadOnScroll<T extends Element>(load: () => void, enabled: boolean) {
  const sentinel = useRef<T>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) load(); }, { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [load, enabled]);
  return sentinel;
}
