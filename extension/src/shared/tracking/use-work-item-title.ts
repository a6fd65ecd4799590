import { useEffect, useState } from 'react';
import { workItemTitles } from '../host-services.js';

/** The title of a work item, read from Azure DevOps; undefined until known (or when unreadable). */
export function useWorkItemTitle(id: number | undefined): string | undefined {
  const [title, setTitle] = useState<string>();
  useEffect(() => {
    setTitle(undefined);
    if (id === undefined) return undefined;
    let current = true;
    workItemTitles([id]).then(
      (titles) => { if (current) setTitle(titles.get(id)); },
      () => { /* the title is a nicety: the id is shown either way */ },
    );
    return () => { current = false; };
  }, [id]);
  return title;
}
