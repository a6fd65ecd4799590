import { NOT_SET_ACTIVITY_TYPE_ID } from '../../../shared/domain/activity-types.js';
import type { ActivityTypeList } from '../../../shared/settings/activity-type-view.js';
import type { MySettingsView } from '../../../shared/settings/my-settings.js';
import type { ApiClient } from './api-client.js';
import type { DeadLetterView, ReportViewView, TimeReportView, UserView } from './api-types.js';
import type {
  AboutView, ActivateRequest, ActivityType, ActivityTypePatchRequest, ApiTokenView, LicenseFileRequest, NewApiTokenRequest, NewActivityTypeRequest, NewApiTokenView, NewReportViewRequest, NewWorklogRequest,
  RoleAssignmentRequest, RoleAssignmentView, StartTrackingRequest, StartTrackingResult, SubscriptionView, TrackingStateResult, TimesheetView, TrackerView,
  TrackingPolicy, TrackingSettingsRequest, UserSettingsRequest, WorklogPatchRequest, WorklogView,
} from './api-types.js';
import { approvalsApi } from './approvals-api.js';
import { automationApi } from './automation-api.js';
import { budgetsApi } from './budgets-api.js';
import { explorerApi } from './explorer-api.js';
import { targetsApi } from './targets-api.js';

export interface WorklogFilter {
  workItemIds?: number[];
  from?: string;
  to?: string;
  count?: number;
}

function worklogQuery(filter: WorklogFilter): string {
  const query = new URLSearchParams();
  if (filter.workItemIds?.length) query.set('$workItemIds', filter.workItemIds.join(','));
  // 7pace's bound is strict (after); worklogs start on whole seconds, so a second earlier includes `from`.
  if (filter.from) query.set('$fromTimestamp', new Date(Date.parse(filter.from) - 1000).toISOString());
  if (filter.to) query.set('$toTimestamp', filter.to);
  query.set('$count', String(filter.count ?? 500));
  return `?${query.toString()}`;
}

const subject = (userId: string | undefined) => (userId ? `?userId=${encodeURIComponent(userId)}` : '');

/** Every endpoint the UI calls, typed by the shared contracts (see README.md's API table). */
export function timehubApi(client: ApiClient) {
  const { request } = client;
  return {
    session: client.session,

    // The tracking API answers 7pace's TrackingStateModel; the UI reads Timehub's fields in it.
    currentTracker: async (): Promise<TrackerView | null> => (await request<TrackingStateResult>('GET', '/tracking/client/current')).tracker,
    startTracking: (input: StartTrackingRequest) => request<StartTrackingResult>('POST', '/tracking/client/startTracking', input),
    stopTracking: async (): Promise<WorklogView | null> => (await request<TrackingStateResult>('POST', '/tracking/client/stopTracking')).stoppedWorklog ?? null,
    answerActivityCheck: () => request<unknown>('POST', '/tracking/client/activityCheck', {}),

    myWorklogs: (filter: WorklogFilter = {}) => request<WorklogView[]>('GET', `/rest/workLogs${worklogQuery(filter)}`),
    allWorklogs: (filter: WorklogFilter = {}) => request<WorklogView[]>('GET', `/rest/workLogs/all${worklogQuery(filter)}`),
    // `userId`: another user's worklog (Administrators), as the timesheet's person picker writes.
    addWorklog: (input: NewWorklogRequest, idempotencyKey: string, userId?: string) =>
      request<WorklogView>('POST', `/rest/workLogs${subject(userId)}`, input, { 'Idempotency-Key': idempotencyKey }),
    updateWorklog: (id: string, patch: WorklogPatchRequest, userId?: string) =>
      request<WorklogView>('PATCH', `/rest/workLogs/${encodeURIComponent(id)}${subject(userId)}`, patch),
    deleteWorklog: (id: string, userId?: string) => request<unknown>('DELETE', `/rest/workLogs/${encodeURIComponent(id)}${subject(userId)}`),
    timesheet: (from: string, to: string, userId?: string) =>
      request<TimesheetView>('GET', `/timesheet?from=${from}&to=${to}${userId ? `&userId=${encodeURIComponent(userId)}` : ''}`),
    explorer: explorerApi(client),
    approvals: approvalsApi(client),
    automation: automationApi(client),
    targets: targetsApi(client),
    budgets: budgetsApi(client),

    /** 7pace's envelope; the UI lists the org's own types, without the "[Not Set]" pseudo-type. */
    activityTypes: async () =>
      (await request<ActivityTypeList>('GET', '/rest/activityTypes')).activityTypes.filter((type) => type.id !== NOT_SET_ACTIVITY_TYPE_ID),
    createActivityType: (input: NewActivityTypeRequest) => request<ActivityType>('POST', '/rest/activityTypes', input),
    updateActivityType: (id: string, patch: ActivityTypePatchRequest) => request<ActivityType>('PATCH', `/rest/activityTypes/${encodeURIComponent(id)}`, patch),
    deactivateActivityType: (id: string) => request<ActivityType>('DELETE', `/rest/activityTypes/${encodeURIComponent(id)}`),
    apiTokens: () => request<ApiTokenView[]>('GET', '/rest/apiTokens'),
    createApiToken: (input: NewApiTokenRequest) => request<NewApiTokenView>('POST', '/rest/apiTokens', input),
    revokeApiToken: (id: string) => request<unknown>('DELETE', `/rest/apiTokens/${encodeURIComponent(id)}`),

    /** The org's users who signed in (by name); the Reports page shows names instead of ids. */
    users: () => request<UserView[]>('GET', '/rest/users?$count=500'),
    /** Whose time the caller may read (a Team lead's teams, everyone for managers): the person picker. */
    readableUsers: () => request<UserView[]>('GET', '/rest/users?$count=500&readableTime=true'),
    /** `query` is the report's query string (from, to, groupBy and filters), as in the hub's URL. */
    timeReport: (query: string) => request<TimeReportView>('GET', `/reports/time?${query}`),
    exportTimeReport: (query: string, format: 'csv' | 'xlsx') => client.file(`/exports/reports/time?${query}&format=${format}`, `time-report.${format}`),
    reportViews: () => request<ReportViewView[]>('GET', '/reports/views'),
    saveReportView: (input: NewReportViewRequest) => request<ReportViewView>('POST', '/reports/views', input),
    deleteReportView: (id: string) => request<unknown>('DELETE', `/reports/views/${encodeURIComponent(id)}`),

    trackingSettings: () => request<TrackingPolicy>('GET', '/settings/tracking'),
    saveTrackingSettings: (policy: TrackingSettingsRequest) => request<TrackingPolicy>('PUT', '/settings/tracking', policy),
    /** Everyone, those with the None role too: an Administrator gives it back here. */
    roles: () => request<RoleAssignmentView[]>('GET', '/rest/users/roles?includeNoneRoles=true'),
    setRole: (assignment: RoleAssignmentRequest) => request<RoleAssignmentView>('POST', '/rest/users/roles', assignment),
    mySettings: () => request<MySettingsView>('GET', '/rest/me/settings'),
    saveMySettings: (settings: UserSettingsRequest) => request<MySettingsView>('PUT', '/rest/me/settings', settings),
    about: () => request<AboutView>('GET', '/about'),
    deadLetters: () => request<DeadLetterView[]>('GET', '/admin/deadLetters'),

    subscription: () => request<SubscriptionView>('GET', '/subscription'),
    activateSubscription: (input: ActivateRequest) => request<unknown>('POST', '/subscription/activate', input),
    /** The license file's content, as it was read, is the body: the server checks its shape and signature. */
    uploadLicense: (license: LicenseFileRequest) => request<unknown>('POST', '/subscription/license', license),
  };
}

export type TimehubApi = ReturnType<typeof timehubApi>;
