import { Card } from 'azure-devops-ui/Card';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useActivityTypes } from '../../shared/tracking/use-activity-types.js';

/** The organization's activity types, as worklogs and trackers offer them. */
export function ActivityTypesSection() {
  const types = useActivityTypes();
  return (
    <Card className="th-section" titleProps={{ text: 'Activity types' }}>
      <div className="flex-column flex-grow" data-testid="activity-types">
        {types.status === 'failed' && <ErrorCard error={types.error} what="the activity types" />}
        {types.status === 'loading' && <Loading label="Loading the activity types…" />}
        {types.status === 'ready' && types.data.length === 0 && <EmptyState title="No activity types" />}
        {types.status === 'ready' && (
          <ul className="flex-row flex-wrap" style={{ gap: 8, margin: 0 }}>
            {types.data.map((type) => (
              <li key={type.id} className="flex-row flex-center th-gap">
                <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 5, background: type.color }} />
                <span>{type.name}</span>
                {type.isDefault && <Pill size={PillSize.compact}>default</Pill>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
