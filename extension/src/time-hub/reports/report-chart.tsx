import { Card } from 'azure-devops-ui/Card';
import { useState } from 'react';
import { useApi } from '../../shared/api-context.js';
import { ChoiceField, FieldRow } from '../../shared/form-fields.js';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';
import { defaultPeriod, type ChartPeriod, type ChartStack } from './chart-series.js';
import { ReportChartSvg } from './report-chart-svg.js';
import type { ReportNames } from './report-names.js';
import { toParams, type ReportQuery } from './report-query.js';

const PERIODS = [{ id: 'day', text: 'Day' }, { id: 'week', text: 'Week' }, { id: 'month', text: 'Month' }];
const STACKS = [{ id: 'user', text: 'User' }, { id: 'activityType', text: 'Activity type' }, { id: 'workItem', text: 'Work item' }];

/** Time per day, week or month, stacked by user, activity type or work item, under the report's own filters. */
export function ReportChart({ query, names }: { query: ReportQuery; names: ReportNames | undefined }) {
  const api = useApi();
  const [chosenPeriod, setPeriod] = useState<ChartPeriod>();
  const [stack, setStack] = useState<ChartStack>('user');
  const period = chosenPeriod ?? defaultPeriod(query.from, query.to);
  const params = toParams({ ...query, groupBy: [period, stack] });
  const { state, reload } = useAsync(() => api.timeReport(params), [api, params]);
  const chart = state.data;

  return (
    <Card className="th-section" titleProps={{ text: 'Chart' }}>
      <div className="flex-column flex-grow">
        <FieldRow>
          <ChoiceField label="Time per" choices={PERIODS} value={period} onChange={(id) => setPeriod(id as ChartPeriod)} />
          <ChoiceField label="Stacked by" choices={STACKS} value={stack} onChange={(id) => setStack(id as ChartStack)} />
        </FieldRow>
        {state.status === 'failed' && <ErrorCard error={state.error} what="the chart" onRetry={reload} />}
        {state.status === 'loading' && <Loading label="Drawing the chart…" />}
        {state.status === 'ready' && chart && (chart.rows.length === 0
          ? <EmptyState title="Nothing to draw">No time was logged in this range under these filters.</EmptyState>
          : <ReportChartSvg report={chart} period={period} stack={stack} names={names} />)}
      </div>
    </Card>
  );
}
