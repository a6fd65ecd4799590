import { Header, TitleSize } from 'azure-devops-ui/Header';
import { Page } from 'azure-devops-ui/Page';
import { useApi } from '../shared/api-context.js';
import { startPage } from '../shared/bootstrap.js';
import { ErrorCard, Loading } from '../shared/status-views.js';
import { useAsync } from '../shared/use-async.js';
import { useSession } from '../shared/use-session.js';
import { ActivateForm } from './activate-form.js';
import { LicenseUpload } from './license-upload.js';
import { MemberNotice } from './member-notice.js';
import { SubscriptionStatusCard } from './subscription-status-card.js';

/** Organization Settings → Timehub: the subscription, managed by the org's billing admins. */
function SubscriptionHub() {
  const api = useApi();
  const session = useSession();
  const { state, reload } = useAsync(() => api.subscription(), [api]);
  const billingAdmin = session.status === 'ready' && session.data.isBillingAdmin === true;

  return (
    <Page className="flex-grow">
      <Header title="Timehub subscription" titleSize={TitleSize.Large} />
      <div className="page-content page-content-top flex-column" data-testid="subscription-page">
        {session.status === 'failed' && <ErrorCard error={session.error} what="your session" />}
        {state.status === 'failed' && <ErrorCard error={state.error} what="the subscription" onRetry={reload} />}
        {(state.status === 'loading' || session.status === 'loading') && !state.data && <Loading label="Loading the subscription…" />}
        {state.data && session.status === 'ready' && !billingAdmin && <MemberNotice subscription={state.data} />}
        {state.data && billingAdmin && (
          <>
            <SubscriptionStatusCard subscription={state.data} />
            <ActivateForm onActivated={reload} />
            <LicenseUpload onActivated={reload} />
          </>
        )}
      </div>
    </Page>
  );
}

startPage(() => <SubscriptionHub />);
