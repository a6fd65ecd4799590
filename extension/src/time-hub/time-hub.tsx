import { Header, TitleSize } from 'azure-devops-ui/Header';
import { Page } from 'azure-devops-ui/Page';
import { Tab, TabBar, TabSize } from 'azure-devops-ui/Tabs';
import { startPage } from '../shared/bootstrap.js';
import { TrackingBar } from '../shared/tracking/tracking-bar.js';
import { ApprovalsPage } from './approvals/approvals-page.js';
import { SettingsPage } from './settings/settings-page.js';
import { TimesheetPage } from './timesheet/timesheet-page.js';
import { useHubTab, type HubTab } from './use-hub-tab.js';

/** The "Time" hub in Boards: the tracking bar above the timesheet or the settings. */
function TimeHub() {
  const [tab, selectTab] = useHubTab();
  return (
    <Page className="flex-grow">
      <Header title="Time" titleSize={TitleSize.Large} />
      <TabBar selectedTabId={tab} onSelectedTabChanged={(id) => selectTab(id as HubTab)} tabSize={TabSize.Tall}>
        <Tab id="timesheet" name="Timesheet" />
        <Tab id="approvals" name="Approvals" />
        <Tab id="settings" name="Settings" />
      </TabBar>
      <div className="page-content page-content-top flex-column">
        <TrackingBar />
        {tab === 'timesheet' ? <TimesheetPage /> : tab === 'approvals' ? <ApprovalsPage /> : <SettingsPage />}
      </div>
    </Page>
  );
}

startPage(() => <TimeHub />);
