import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { isAdministrator } from '../../shared/api-types.js';
import { ErrorCard, Loading, Notice } from '../../shared/status-views.js';
import { useSession } from '../../shared/use-session.js';
import { AboutSection } from './about-section.js';
import { ActivityTypesSection } from './activity-types-section.js';
import { ApiTokensSection } from './api-tokens-section.js';
import { ApprovalSettingsSection } from './approval-settings-section.js';
import { AutomationSettingsSection } from './automation-settings-section.js';
import { DeadLettersSection } from './dead-letters-section.js';
import { MyNotificationsSection } from './my-notifications-section.js';
import { MyPreferencesSection } from './my-preferences-section.js';
import { RolesSection } from './roles-section.js';
import { TargetsSection } from './targets-section.js';
import { TrackingSettingsSection } from './tracking-settings-section.js';

/** Time → Settings: the org's tracking rules, activity types and roles (admins), your API tokens, and About. */
export function SettingsPage() {
  const session = useSession();
  if (session.status === 'failed') return <ErrorCard error={session.error} what="your session" />;
  if (session.status === 'loading') return <Loading label="Loading the settings…" />;
  const admin = isAdministrator(session.data);
  return (
    <div className="flex-column" data-testid="settings-page">
      {!admin && (
        <Notice severity={MessageCardSeverity.Info}>
          {`The organization's tracking settings, activity types and roles are managed by its administrators. You are signed in as ${session.data.user.name}.`}
        </Notice>
      )}
      {admin && <TrackingSettingsSection />}
      {admin && <ApprovalSettingsSection />}
      {admin && <AutomationSettingsSection />}
      <ActivityTypesSection canManage={admin} />
      {admin && <TargetsSection />}
      {admin && <RolesSection currentUserId={session.data.user.id} />}
      {admin && <DeadLettersSection />}
      <MyPreferencesSection />
      <MyNotificationsSection />
      <ApiTokensSection />
      <AboutSection />
    </div>
  );
}
