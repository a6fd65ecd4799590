import type { DevOpsOrganization, DevOpsUser, WorkItemDetails } from '../../ports/devops-directory.js';
import { seedSystemFields } from './seed-work-item-fields.js';

/** A seeded person: `name` is the handle used by tokens, scripts and tests (`alice`). */
export interface SeedUser extends DevOpsUser {
  readonly name: string;
  readonly isCollectionAdmin: boolean;
}

export interface SeedOrganization extends DevOpsOrganization {
  readonly users: readonly SeedUser[];
  readonly workItems: readonly WorkItemDetails[];
}

export interface DevOpsSeed {
  readonly organizations: readonly SeedOrganization[];
}

type Row = readonly [type: string, state: string, title: string, parentId: number | null];

interface SeedProject {
  project: string;
  area: string;
  users: readonly SeedUser[];
  /** Area id, and the first sprint's iteration id (sprints 10..12 follow it). */
  nodeIds: { area: number; iteration: number };
  /** Custom.CostCenter of the first epic's tree and of the second's. */
  costCenters: readonly [string, string];
}

/**
 * Ids follow the list order (1..n), as in a freshly created project: epics > features >
 * backlog items > tasks and bugs. Tasks and bugs carry the scheduling fields (hours);
 * seed-work-item-fields.ts adds the System fields and custom values.
 */
function workItems({ project, area, users, nodeIds, costCenters }: SeedProject, rows: readonly Row[]): WorkItemDetails[] {
  return rows.map(([type, state, title, parentId], index) => {
    const id = index + 1;
    const scheduled = type === 'Task' || type === 'Bug';
    const estimate = 4 + (id % 4) * 2;
    const completed = state === 'Closed' || state === 'Resolved' ? estimate : state === 'Active' ? 2 : 0;
    return {
      id, title, type, state, project, parentId,
      areaPath: `${project}\\${area}`,
      iterationPath: `${project}\\Sprint ${10 + (id % 3)}`,
      originalEstimate: scheduled ? estimate : null,
      completedWork: scheduled ? completed : null,
      remainingWork: scheduled ? estimate - completed : null,
      ...seedSystemFields({ id, type, state, title }, users, nodeIds, costCenters),
    };
  });
}

/** Every id is a fixed GUID, distinct per org: alice in fabrikam is not alice in contoso. */
const fabrikamUsers: SeedUser[] = [
  { name: 'alice', id: '44ac7f6e-c63f-4cf3-94bd-623ac2b85c22', displayName: 'Alice Anders', uniqueName: 'alice@fabrikam.example', isCollectionAdmin: true },
  { name: 'bob', id: '5324a332-d6ee-489d-9edd-c9f03e23970f', displayName: 'Bob Brandt', uniqueName: 'bob@fabrikam.example', isCollectionAdmin: false },
  { name: 'carol', id: '5531371c-661c-4713-8cfa-4245d0610c3f', displayName: 'Carol Castillo', uniqueName: 'carol@fabrikam.example', isCollectionAdmin: false },
];

const fabrikam: SeedOrganization = {
  id: '82aa2fdd-f972-4fff-b708-b781eee236bc',
  name: 'fabrikam',
  users: fabrikamUsers,
  workItems: workItems({ project: 'Fiber', area: 'Portal', users: fabrikamUsers, nodeIds: { area: 101, iteration: 110 }, costCenters: ['CC-4100', 'CC-4200'] }, [
    ['Epic', 'Active', 'Fiber customer self-service portal', null],
    ['Feature', 'Active', 'Online service appointment booking', 1],
    ['Feature', 'New', 'Outage notifications by SMS', 1],
    ['Feature', 'Closed', 'Single sign-on for customer accounts', 1],
    ['User Story', 'Active', 'As a customer I can pick a two-hour installation window', 2],
    ['User Story', 'New', 'As a technician I see my route for the day on a map', 2],
    ['User Story', 'Resolved', 'As a customer I can reschedule an appointment online', 2],
    ['User Story', 'Closed', 'As a customer I sign in with my Microsoft account', 4],
    ['User Story', 'New', 'As a dispatcher I can subscribe a region to outage alerts', 3],
    ['Task', 'Active', 'Design the appointment slot API', 5],
    ['Task', 'Closed', 'Create the technician schedule table', 6],
    ['Task', 'Active', 'Build the calendar picker component', 5],
    ['Task', 'New', 'Integrate the SMS gateway', 9],
    ['Task', 'Resolved', 'Write reschedule confirmation email template', 7],
    ['Task', 'Closed', 'Configure the OpenID Connect client', 8],
    ['Bug', 'Active', 'Booking page times out when no slots are free', 5],
    ['Bug', 'New', 'Map pins overlap for technicians on the same street', 6],
    ['Bug', 'Resolved', 'Confirmation email shows UTC instead of local time', 7],
    ['Bug', 'Closed', 'Sign-in loop after password reset', 8],
    ['Task', 'New', 'Load-test the booking endpoint at 500 requests per second', 5],
    ['Epic', 'New', 'Field technician mobile app', null],
    ['Feature', 'New', 'Offline work orders', 21],
    ['User Story', 'New', 'As a technician I can close a work order without signal', 22],
    ['Task', 'New', 'Queue work order updates on the device', 23],
    ['Task', 'New', 'Sync queued updates when the signal returns', 23],
  ]),
};

const contosoUsers: SeedUser[] = [
  { name: 'alice', id: 'd979fd13-21bb-432f-81ac-8a442fe30fb3', displayName: 'Alice Anders', uniqueName: 'alice@contoso.example', isCollectionAdmin: true },
  { name: 'bob', id: '92938490-f96b-4cc1-8398-472910f5610c', displayName: 'Bob Brandt', uniqueName: 'bob@contoso.example', isCollectionAdmin: false },
  { name: 'carol', id: 'a658307c-2971-46dc-9b71-60a025d0177f', displayName: 'Carol Castillo', uniqueName: 'carol@contoso.example', isCollectionAdmin: false },
];

const contoso: SeedOrganization = {
  id: '7117c583-5b6d-41f1-98c6-60a186542c45',
  name: 'contoso',
  users: contosoUsers,
  workItems: workItems({ project: 'Banking', area: 'Mobile', users: contosoUsers, nodeIds: { area: 201, iteration: 210 }, costCenters: ['BK-100', 'BK-200'] }, [
    ['Epic', 'Active', 'Mobile banking app redesign', null],
    ['Feature', 'Active', 'Instant transfers between own accounts', 1],
    ['Feature', 'New', 'Card freeze and unfreeze', 1],
    ['Feature', 'Resolved', 'Biometric login', 1],
    ['User Story', 'Active', 'As a customer I can move money between my accounts instantly', 2],
    ['User Story', 'New', 'As a customer I can freeze a lost card from the app', 3],
    ['User Story', 'Resolved', 'As a customer I can log in with my fingerprint', 4],
    ['User Story', 'Closed', 'As a customer I see my balance on the home screen', 2],
    ['User Story', 'New', 'As a support agent I can see when a card was frozen', 3],
    ['Task', 'Active', 'Add the transfer limits check', 5],
    ['Task', 'Closed', 'Create the account balance widget', 8],
    ['Task', 'New', 'Call the card processor freeze endpoint', 6],
    ['Task', 'Resolved', 'Store the biometric key in the secure enclave', 7],
    ['Task', 'Active', 'Write the transfer audit log entry', 5],
    ['Task', 'Closed', 'Set up the push notification service', 9],
    ['Bug', 'Active', 'Transfer screen accepts a negative amount', 5],
    ['Bug', 'New', 'Balance widget flickers on Android 14', 8],
    ['Bug', 'Resolved', 'Fingerprint prompt appears twice after an update', 7],
    ['Bug', 'Closed', 'Push notifications arrive without sound', 9],
    ['Task', 'New', 'Accessibility review of the transfer flow', 5],
    ['Epic', 'New', 'Branch appointment booking', null],
    ['Feature', 'New', 'Book a branch advisor online', 21],
    ['User Story', 'New', 'As a customer I can book a mortgage consultation', 22],
    ['Task', 'New', 'Expose advisor calendars to the booking service', 23],
    ['Task', 'New', 'Send the booking confirmation with a calendar invite', 23],
  ]),
};

export const localDevOpsSeed: DevOpsSeed = { organizations: [fabrikam, contoso] };

/** Azure DevOps organization names are case-insensitive. */
export function findSeedOrganization(orgName: string, seed: DevOpsSeed = localDevOpsSeed): SeedOrganization | undefined {
  const wanted = orgName.toLowerCase();
  return seed.organizations.find((org) => org.name.toLowerCase() === wanted);
}

export function findSeedUser(orgName: string, userName: string, seed: DevOpsSeed = localDevOpsSeed): SeedUser | undefined {
  const wanted = userName.toLowerCase();
  return findSeedOrganization(orgName, seed)?.users.find((user) => user.name === wanted);
}
