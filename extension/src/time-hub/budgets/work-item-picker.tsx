import { Button } from 'azure-devops-ui/Button';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useEffect, useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import type { WorkItemSummary } from '../../shared/budgets-api.js';
import { ErrorCard } from '../../shared/status-views.js';

export const workItemText = (item: Pick<WorkItemSummary, 'id' | 'title' | 'type'>) => `${item.type} #${item.id} ${item.title}`;

/** Finds a work item by id (42, #42) or by words of its title, as Timehub's search does, and picks one of the answers. */
export function WorkItemPicker({ picked, onPick }: { picked: WorkItemSummary | undefined; onPick: (item: WorkItemSummary | undefined) => void }) {
  const api = useApi();
  const [text, setText] = useState('');
  const [found, setFound] = useState<WorkItemSummary[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const wanted = text.trim();
    if (!wanted) return setFound(undefined);
    let current = true;
    // A pause in typing before asking: Azure DevOps counts every search against Timehub's quota.
    const timer = setTimeout(() => {
      api.budgets.searchWorkItems(wanted).then(
        (items) => { if (current) { setFound(items); setError(undefined); } },
        (cause: unknown) => { if (current) setError(cause); },
      );
    }, 300);
    return () => { current = false; clearTimeout(timer); };
  }, [api, text]);

  if (picked) {
    return (
      <FormItem label="Work item" className="th-field th-section">
        <div className="flex-row flex-center th-gap" data-testid="picked-work-item">
          <span>{workItemText(picked)}</span>
          <Button text="Change" subtle onClick={() => onPick(undefined)} />
        </div>
      </FormItem>
    );
  }
  return (
    <FormItem label="Work item" className="th-field th-section th-work-item-picker">
      <TextField value={text} onChange={(_e, value) => setText(value)} placeholder="Id or words of the title" ariaLabel="Find a work item" />
      {error !== undefined && <ErrorCard error={error} what="work items" />}
      {found && found.length === 0 && <div className="th-muted" data-testid="no-work-items">No work item matches.</div>}
      {found && found.length > 0 && (
        <ul className="th-work-item-choices" data-testid="work-item-choices">
          {found.map((item) => (
            <li key={item.id}>
              <Button subtle text={workItemText(item)} onClick={() => onPick(item)} />
            </li>
          ))}
        </ul>
      )}
    </FormItem>
  );
}
