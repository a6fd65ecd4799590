import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import type { SubscriptionView } from '../shared/api-types.js';
import { statusSentence } from './subscription-text.js';

/** What a member sees: no access to manage, who to ask, and where the org stands. */
export function MemberNotice({ subscription }: { subscription: SubscriptionView }) {
  const admins = subscription.billingAdmins.map((admin) => admin.name).join(', ');
  return (
    <div className="flex-column" data-testid="subscription-no-access">
      <MessageCard className="th-section" severity={MessageCardSeverity.Warning}>
        {`No access: the Timehub subscription is managed by the organization's billing admins (Project Collection Administrators)${admins ? `: ${admins}` : ''}.`}
      </MessageCard>
      <div className="th-muted">{statusSentence(subscription)}</div>
    </div>
  );
}
