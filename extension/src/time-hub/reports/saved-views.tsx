import { Button } from 'azure-devops-ui/Button';
import { FormItem } from 'azure-devops-ui/FormItem';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import { MAX_REPORT_VIEW_NAME } from '../../../../shared/contracts/report-views.js';
import { useApi } from '../../shared/api-context.js';
import type { ReportViewView } from '../../shared/api-types.js';
import { FieldRow } from '../../shared/form-fields.js';
import { pageUrlWithHash } from '../../shared/host-services.js';
import { ActionError, ErrorCard } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { hubHash } from '../hub-location.js';

/** The caller's saved views: each a link that reopens its report; the current report can be saved under a name. */
export function SavedViews({ params, onOpen }: { params: string; onOpen: (params: string) => void }) {
  const api = useApi();
  const { state, reload } = useAsync(() => api.reportViews(), [api]);
  // The page's own address (Azure DevOps' hub URL) with an empty hash: a view's link adds its own.
  const page = useAsync(() => pageUrlWithHash(''), []).state.data;
  const [name, setName] = useState('');
  const { busy, error, submit, dismissError } = useSubmit();

  const save = () => submit(async () => {
    const view = await api.saveReportView({ name: name.trim(), query: params });
    setName('');
    reload();
    return `Saved "${view.name}"`;
  });
  const remove = (view: ReportViewView) => submit(async () => {
    await api.deleteReportView(view.id);
    reload();
    return `Deleted "${view.name}"`;
  });

  return (
    <div className="flex-column" data-testid="saved-views">
      {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
      <FieldRow>
        <FormItem label="View name" className="th-field">
          <TextField ariaLabel="View name" placeholder="e.g. Team red, last month" value={name} maxLength={MAX_REPORT_VIEW_NAME} onChange={(_e, v) => setName(v)} />
        </FormItem>
        <Button text="Save view" iconProps={{ iconName: 'Save' }} disabled={busy || !name.trim()} onClick={() => void save()} />
        {state.status === 'failed' && <ErrorCard error={state.error} what="your saved views" onRetry={reload} />}
        {(state.data?.length ?? 0) > 0 && (
          <div className="th-saved-views flex-row flex-wrap flex-center" aria-label="Saved views">
            <span className="th-muted">Saved views:</span>
            {state.data?.map((view) => (
              <span key={view.id} className="th-saved-view flex-row flex-center" data-testid="saved-view" data-view-name={view.name}>
                <a href={page === undefined ? undefined : `${page}${hubHash({ tab: 'reports', params: view.query })}`} target="_top"
                  title={view.query} onClick={(event) => { event.preventDefault(); onOpen(view.query); }}>{view.name}</a>
                <Button subtle iconProps={{ iconName: 'Cancel' }} ariaLabel={`Delete saved view ${view.name}`} disabled={busy} onClick={() => void remove(view)} />
              </span>
            ))}
          </div>
        )}
      </FieldRow>
    </div>
  );
}
