import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Pill, PillSize, PillVariant } from 'azure-devops-ui/Pill';
import type { SubscriptionView } from '../shared/api-types.js';
import { openInNewTab } from '../shared/host-services.js';
import { Notice } from '../shared/status-views.js';
import { planName, seatsSentence, statusSentence, statusTitle } from './subscription-text.js';

/** Plan, status, trial days or renewal, seats, and "Buy now". */
export function SubscriptionStatusCard({ subscription }: { subscription: SubscriptionView }) {
  return (
    <Card className="th-section" titleProps={{ text: planName(subscription.plan) }}>
      <div className="flex-column flex-grow th-stack" data-testid="subscription-status" data-status={subscription.status}>
        {subscription.readOnly && (
          <Notice severity={MessageCardSeverity.Warning}>Timehub is read-only in this organization: tracking and edits are refused until a subscription is active.</Notice>
        )}
        <div className="flex-row flex-center th-gap">
          <span data-testid="subscription-pill"><Pill size={PillSize.regular} variant={PillVariant.outlined}>{statusTitle(subscription)}</Pill></span>
          <span className="title-s" data-testid="subscription-sentence">{statusSentence(subscription)}</span>
        </div>
        <div data-testid="subscription-seats">{seatsSentence(subscription)}</div>
        {subscription.subscriptionId && <div className="th-muted">{`Subscription ${subscription.subscriptionId} (${subscription.source === 'licenseFile' ? 'license file' : 'online'})`}</div>}
        <div><Button text="Buy now" primary iconProps={{ iconName: 'ShoppingCart' }} onClick={() => void openInNewTab(subscription.buyNowUrl)} /></div>
      </div>
    </Card>
  );
}
