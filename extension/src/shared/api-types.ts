import type { z } from 'zod';
import type { ApprovalView } from '../../../shared/approvals/approval-view.js';
import type { activityTypePatchBody, newActivityTypeBody } from '../../../shared/contracts/activity-types.js';
import type { approvalSettingsBody, decideWeekBody, submitWeekFields } from '../../../shared/contracts/approvals.js';
import type { activateBody, licenseFileBody } from '../../../shared/contracts/billing.js';
import type { newApiTokenBody } from '../../../shared/contracts/identity.js';
import type { newReportViewBody } from '../../../shared/contracts/report-views.js';
import type { roleAssignmentBody } from '../../../shared/contracts/roles.js';
import type { trackingSettingsBody, userSettingsBody } from '../../../shared/contracts/settings.js';
import type { startTrackingFields } from '../../../shared/contracts/tracking.js';
import type { worklogFields, worklogPatchFields } from '../../../shared/contracts/worklogs.js';
import type { TrackingPolicy } from '../../../shared/domain/activity-check.js';
import type { ActivityTypeView as ActivityType } from '../../../shared/settings/activity-type-view.js';
import type { Timesheet as DomainTimesheet } from '../../../shared/domain/timesheet.js';
import type { RoleName } from '../../../shared/domain/roles.js';
import type { SubscriptionState, SubscriptionStatus } from '../../../shared/domain/subscription.js';
import type { trackerView } from '../../../shared/domain/tracker.js';
import type { UserRef, Worklog } from '../../../shared/domain/worklog.js';
import type { ReportView as ReportViewView } from '../../../shared/reports/report-views.js';
import type { reportTime } from '../../../shared/reports/report-time.js';
import type { sevenPaceUser } from '../../../shared/users/user-view.js';

/**
 * The shapes the UI sends and reads. Requests are the zod contracts' input types, so the
 * UI and the API cannot drift; answers are built from the domain types the server uses.
 */
export type StartTrackingRequest = z.input<typeof startTrackingFields>;
export type NewWorklogRequest = z.input<typeof worklogFields>;
export type WorklogPatchRequest = z.input<typeof worklogPatchFields>;
export type NewApiTokenRequest = z.input<typeof newApiTokenBody>;
export type TrackingSettingsRequest = z.input<typeof trackingSettingsBody>;
export type UserSettingsRequest = z.input<typeof userSettingsBody>;
export type RoleAssignmentRequest = z.input<typeof roleAssignmentBody>;
export type ActivateRequest = z.input<typeof activateBody>;
export type LicenseFileRequest = z.input<typeof licenseFileBody>;
export type NewActivityTypeRequest = z.input<typeof newActivityTypeBody>;
export type ActivityTypePatchRequest = z.input<typeof activityTypePatchBody>;
export type NewReportViewRequest = z.input<typeof newReportViewBody>;
export type SubmitWeekRequest = z.input<typeof submitWeekFields>;
export type DecideWeekRequest = z.input<typeof decideWeekBody>;
export type ApprovalSettingsView = z.input<typeof approvalSettingsBody>;

export type { ActivityType, RoleName, TrackingPolicy, UserRef };

/** GET /api/admin/deadLetters: a queue message given up on; its body is the message as sent. */
export type { DeadLetter as DeadLetterView } from '../../../shared/ports/message-queue.js';

export interface SessionView {
  token: string;
  expiresAt: string;
  user: UserRef;
  organization: { id: string; name: string };
  roles: string[];
  /** Issue 4: the caller's Timehub role and whether they manage the subscription. */
  role?: RoleName;
  teams?: string[];
  isBillingAdmin?: boolean;
}

/** Administrators manage the org's settings and roles (before roles existed: Project Collection Administrators). */
export const isAdministrator = (session: SessionView) => session.role === 'administrator' || (!session.role && session.roles.includes('admin'));

export type TrackerView = ReturnType<typeof trackerView>;
export type UserView = ReturnType<typeof sevenPaceUser>;

/** GET /api/reports/time: rows grouped by one or two dimensions, lengths in seconds. */
export type TimeReportView = Awaited<ReturnType<typeof reportTime>>;
export type { ReportRow } from '../../../shared/reports/group-report.js';
export type { ReportViewView };
export type ActivityCheck = NonNullable<TrackerView['activityCheck']>;

export type WorklogView = Omit<Worklog, 'userId' | 'endTimestamp' | 'activityTypeId'> & {
  activityType: Pick<ActivityType, 'id' | 'name' | 'color'> | null;
};

/**
 * The part of 7pace's TrackingStateModel answer (shared/tracking/tracking-state.ts) the UI
 * reads: Timehub's own `tracker` view, and the worklog a stop wrote.
 */
export interface TrackingStateResult {
  tracker: TrackerView | null;
  stoppedWorklog?: WorklogView | null;
}

export interface StartTrackingResult {
  tracker: TrackerView;
  stoppedWorklog: WorklogView | null;
}

/** GET /api/timesheet: also whose week it is and whether the caller may change it (another's: Administrators). */
export type TimesheetView = Omit<DomainTimesheet, 'worklogs'> & { worklogs: WorklogView[]; user: UserRef; editable: boolean };

export interface ApiTokenView {
  id: string;
  name: string;
  createdTimestamp: string;
  expiresTimestamp: string;
}
export type NewApiTokenView = ApiTokenView & { token: string };

/** Issue 4's answers (GET /api/subscription, /api/rest/users/roles, /api/about), built from its domain types. */
export interface SubscriptionView {
  plan: string;
  status: SubscriptionStatus;
  source: SubscriptionState['source'];
  subscriptionId: string | null;
  trialDaysLeft: number | null;
  seats: { licensed: number | null; used: number };
  renewalDate: string;
  cancelled: boolean;
  readOnly: boolean;
  buyNowUrl: string;
  billingAdmins: UserRef[];
}

/** GET /api/rest/users/roles: 7pace's userWithRole; `role.id` is Timehub's role key, `role.name` 7pace's. */
export interface RoleAssignmentView {
  user: UserRef;
  role: { id: RoleName; name: string };
  roleTitle: string;
  teams: string[];
  isCollectionAdmin: boolean;
  isBillingAdmin: boolean;
  isDefaultRole: boolean;
}

export interface AboutView {
  product: string;
  version: string;
  build: string;
  apiVersions: string[];
}

/** Time approvals: a week's record (7pace's timeApproval, with the state's name and the reason). */
export type { ApprovalView };
export type WeekState = ApprovalView['state'];

/** GET /api/approvals/queue: a week waiting for a decision, with the person's seconds. */
export type QueuedWeekView = ApprovalView & { totalSeconds: number; secondsPerDay: Record<string, number> };

/** GET /api/approvals/weeks: the caller's weeks, and whether approvals are on. */
export interface MyWeeksView {
  enabled: boolean;
  firstDayOfWeek: number;
  weeks: ApprovalView[];
}
