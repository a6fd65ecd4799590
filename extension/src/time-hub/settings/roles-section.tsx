import { Card } from 'azure-devops-ui/Card';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { useState } from 'react';
import { ROLES, ROLE_TITLES } from '../../../../shared/domain/roles.js';
import { useApi } from '../../shared/api-context.js';
import type { RoleAssignmentView, RoleName } from '../../shared/api-types.js';
import { ChoiceField } from '../../shared/form-fields.js';
import { ActionError, EmptyState, ErrorCard, Loading } from '../../shared/status-views.js';
import { useAsync } from '../../shared/use-async.js';

const ROLE_CHOICES = ROLES.map((role) => ({ id: role, text: ROLE_TITLES[role] }));

/** Everyone who signed in, with their Timehub role; Administrators change them here. */
export function RolesSection({ currentUserId }: { currentUserId: string }) {
  const api = useApi();
  const { state, reload, setData } = useAsync(() => api.roles(), [api]);
  const [error, setError] = useState<unknown>();

  const change = async (assignment: RoleAssignmentView, role: RoleName) => {
    setError(undefined);
    try {
      const saved = await api.setRole({ userId: assignment.user.id, role });
      if (state.data) setData(state.data.map((a) => (a.user.id === saved.user.id ? saved : a)));
    } catch (cause) {
      setError(cause);
      reload();
    }
  };

  return (
    <Card className="th-section" titleProps={{ text: 'Roles' }}>
      <div className="flex-column flex-grow" data-testid="roles">
        {error !== undefined && <ActionError error={error} onDismiss={() => setError(undefined)} />}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the roles" onRetry={reload} />}
        {!state.data && state.status === 'loading' && <Loading label="Loading the roles…" />}
        {state.data?.length === 0 && <EmptyState title="Nobody has signed in yet">People appear here after their first visit to Timehub.</EmptyState>}
        {state.data?.map((assignment) => (
          <div key={assignment.user.id} className="flex-row flex-center flex-wrap th-gap" style={{ padding: '4px 0' }} data-testid="role-row">
            <span style={{ minWidth: 200 }}>{assignment.user.name}{assignment.user.id === currentUserId ? ' (you)' : ''}</span>
            <ChoiceField label="" ariaLabel={`Role of ${assignment.user.name}`} choices={ROLE_CHOICES} value={assignment.role.id} disabled={assignment.isCollectionAdmin}
              onChange={(role) => void change(assignment, role as RoleName)} />
            {assignment.isCollectionAdmin && <Pill size={PillSize.compact}>Project Collection Administrator</Pill>}
            {assignment.isBillingAdmin && <Pill size={PillSize.compact}>Billing admin</Pill>}
            {assignment.teams.length > 0 && <span className="th-muted">{`Teams: ${assignment.teams.join(', ')}`}</span>}
          </div>
        ))}
      </div>
    </Card>
  );
}
