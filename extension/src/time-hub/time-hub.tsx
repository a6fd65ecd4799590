import { Header, TitleSize } from 'azure-devops-ui/Header';
import { Page } from 'azure-devops-ui/Page';
import { Tab, TabBar, TabSize } from 'azure-devops-ui/Tabs';
import { startPage } from '../shared/bootstrap.js';
import { TrackingBar } from '../shared/tracking/tracking-bar.js';
import { ApprovalsPage } from './approvals/approvals-page.js';
import { BudgetsPage } from './budgets/budgets-page.js';
import { ExplorerPage } from './explorer/explorer-page.js';
import { ReportsPage } from './reports/reports-page.js';
import { SettingsPage } from './settings/settings-page.js';
import { TimesheetPage } from './timesheet/timesheet-page.js';
import { useHubTab, type HubTab } from './use-hub-tab.js';

/** The "Time" hub in Boards: the timesheet under the tracking bar, the Times Explorer, the reports, approvals, budgets or the settings. */
function TimeHub() {
  const [tab, selectTab, params] = useHubTab();
  return (
    <Page className="flex-grow">
      <Header title="Time" titleSize={TitleSize.Large} />
      <TabBar selectedTabId={tab} onSelectedTabChanged={(id) => selectTab(id as HubTab)} tabSize={TabSize.Tall}>
        <Tab id="timesheet" name="Timesheet" />
        <Tab id="explorer" name="Times Explorer" />
        <Tab id="reports" name="Reports" />
        <Tab id="approvals" name="Approvals" />
        <Tab id="budgets" name="Budgets" />
        <Tab id="settings" name="Settings" />
      </TabBar>
      <div className="page-content page-content-top flex-column">
        {tab === 'timesheet' && (
          <>
            <TrackingBar />
            <TimesheetPage />
          </>
        )}
        {tab === 'explorer' && <ExplorerPage />}
        {tab === 'reports' && <ReportsPage params={params} onParams={(next) => selectTab('reports', next)} />}
        {tab === 'approvals' && <ApprovalsPage />}
        {tab === 'budgets' && <BudgetsPage />}
        {tab === 'settings' && <SettingsPage />}
      </div>
    </Page>
  );
}

startPage(() => <TimeHub />);
