import type { IWorkItemChangedArgs, IWorkItemLoadedArgs, IWorkItemNotificationListener } from 'azure-devops-extension-api/WorkItemTracking';
import * as SDK from 'azure-devops-extension-sdk';
import { useEffect, useState } from 'react';

type Listener = (state: FormState) => void;

export interface FormState {
  /** The open work item; undefined while the form has none (e.g. a new, unsaved item). */
  workItemId?: number;
  /** Bumped when the host refreshes or saves the form, to reload what the tab shows. */
  revision: number;
}

let state: FormState = { revision: 0 };
const listeners = new Set<Listener>();

function update(next: Partial<FormState>) {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener(state));
}

/** The object the form page registers under its contribution id: the host's form events land here. */
export const formListener: IWorkItemNotificationListener = {
  onLoaded: (args: IWorkItemLoadedArgs) => update({ workItemId: args.isNew ? undefined : args.id }),
  onSaved: (args: IWorkItemChangedArgs) => update({ workItemId: args.id, revision: state.revision + 1 }),
  onRefreshed: () => update({ revision: state.revision + 1 }),
  onReset: () => undefined,
  onFieldChanged: () => undefined,
  onUnloaded: () => update({ workItemId: undefined }),
};

export function registerFormListener(contributionId: string): void {
  SDK.register(contributionId, formListener);
}

/** The work item the tab is about, from the form's events (and the form service, if the events came first). */
export function useFormState(initialId: () => Promise<number | undefined>): FormState & { resolved: boolean } {
  const [current, setCurrent] = useState(state);
  const [resolved, setResolved] = useState(state.workItemId !== undefined);
  useEffect(() => {
    const listener: Listener = (next) => { setCurrent(next); setResolved(true); };
    listeners.add(listener);
    if (state.workItemId === undefined) {
      initialId().then(
        (id) => { if (state.workItemId === undefined && id) update({ workItemId: id }); setResolved(true); },
        () => setResolved(true),
      );
    }
    return () => { listeners.delete(listener); };
  }, [initialId]);
  return { ...current, resolved };
}
