import type { SessionView } from '../../shared/api-types.js';
import { useApi } from '../../shared/api-context.js';
import { ChoiceField } from '../../shared/form-fields.js';
import { useAsync } from '../../shared/use-async.js';
import { explorerAccess } from '../explorer/explorer-access.js';

/** Team leads, managers and Administrators open others' timesheets; Members see only their own. */
export const picksPeople = (session: SessionView) => explorerAccess(session).seesOthers;

/** "Timesheet of": the people whose time the caller's role may read (the caller first as "you"). */
export function PersonPicker({ session, userId, onChange }: { session: SessionView; userId: string | undefined; onChange: (userId: string | undefined) => void }) {
  const api = useApi();
  const users = useAsync(() => api.readableUsers(), [api]);
  const me = session.user.id;
  const others = (users.state.data ?? []).filter((user) => user.id !== me).map((user) => ({ id: user.id, text: user.name }));
  const choices = [{ id: me, text: `${session.user.name} (you)` }, ...others];
  return (
    <div className="th-person-picker" data-testid="person-picker">
      <ChoiceField label="Timesheet of" choices={choices} value={userId ?? me} placeholder={users.state.status === 'failed' ? 'Not available' : undefined}
        onChange={(id) => onChange(id === me ? undefined : id)} />
    </div>
  );
}
