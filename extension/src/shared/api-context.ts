import { createContext, useContext } from 'react';
import type { TimehubApi } from './timehub-api.js';

export const ApiContext = createContext<TimehubApi | undefined>(undefined);

/** The Timehub API of this page, signed in as the host's user. */
export function useApi(): TimehubApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() is used outside a page started by startPage()');
  return api;
}
