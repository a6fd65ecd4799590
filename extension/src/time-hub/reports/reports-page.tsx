import { Card } from 'azure-devops-ui/Card';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { useMemo } from 'react';
import { useApi } from '../../shared/api-context.js';
import { saveFile } from '../../shared/save-file.js';
import { ActionError, EmptyState, ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { useSubmit } from '../../shared/use-submit.js';
import { ReportChart } from './report-chart.js';
import { ReportForm } from './report-form.js';
import { useReportNames } from './report-names.js';
import { fromParams, toParams } from './report-query.js';
import { ReportTable } from './report-table.js';
import { SavedViews } from './saved-views.js';
import './reports.css';

/**
 * Time → Reports. The report shown is the one in the hub's URL (`#reports?from=…`), so a
 * reload, a bookmark or a saved view reopens it; the form changes the URL, not the page.
 */
export function ReportsPage({ params, onParams }: { params: string; onParams: (params: string) => void }) {
  const api = useApi();
  const today = useMemo(() => new Date(), []);
  const { query, problem } = useMemo(() => fromParams(params, today), [params, today]);
  const current = toParams(query);
  const names = useReportNames();
  const { state, reload } = useAsync(() => api.timeReport(current), [api, current]);
  const exporter = useSubmit();
  const exportAs = (format: 'csv' | 'xlsx') => void exporter.submit(async () => {
    saveFile(await api.exportTimeReport(current, format));
    return `Exported as ${format.toUpperCase()}`;
  });
  const report = state.data;

  return (
    <div className="flex-column" data-testid="reports-page">
      <Card className="th-section" titleProps={{ text: 'Report' }}
        headerCommandBarItems={[
          { id: 'export-csv', text: 'Export CSV', important: true, iconProps: { iconName: 'Download' }, disabled: exporter.busy, onActivate: () => exportAs('csv') },
          { id: 'export-xlsx', text: 'Export XLSX', important: true, iconProps: { iconName: 'ExcelDocument' }, disabled: exporter.busy, onActivate: () => exportAs('xlsx') },
        ]}>
        <div className="flex-column flex-grow">
          {problem && <Notice severity={MessageCardSeverity.Warning}>{`The report in this link could not be read (${problem}); this month's is shown instead.`}</Notice>}
          {exporter.error !== undefined && <ActionError error={exporter.error} onDismiss={exporter.dismissError} />}
          {names.state.status === 'failed' && <ErrorCard error={names.state.error} what="the names of users and activity types" onRetry={names.reload} />}
          <ReportForm key={current} query={query} names={names.state.data} today={today} onRun={(next) => onParams(toParams(next))} />
          <SavedViews params={current} onOpen={onParams} />
        </div>
      </Card>
      <ReportChart query={query} names={names.state.data} />
      <Card className="th-section" titleProps={{ text: 'Totals' }}>
        <div className="flex-column flex-grow">
          {state.status === 'failed' && <ErrorCard error={state.error} what="the report" onRetry={reload} />}
          {state.status === 'loading' && <Loading label="Loading the report…" />}
          {state.status === 'ready' && report && (report.rows.length === 0
            ? <EmptyState title="No time in this report">Nothing was logged in this range under these filters. Pick a wider range or fewer filters.</EmptyState>
            : <ReportTable report={report} names={names.state.data} />)}
        </div>
      </Card>
    </div>
  );
}
