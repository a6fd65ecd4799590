import type { DevOpsOrganization, DevOpsUser, WorkItem } from '../../ports/devops-directory.js';

/** A seeded person: `name` is the handle used by tokens, scripts and tests (`alice`). */
export interface SeedUser extends DevOpsUser {
  readonly name: string;
  readonly isCollectionAdmin: boolean;
}

export interface SeedOrganization extends DevOpsOrganization {
  readonly users: readonly SeedUser[];
  readonly workItems: readonly WorkItem[];
}

export interface DevOpsSeed {
  readonly organizations: readonly SeedOrganization[];
}

type Row = readonly [type: string, state: string, title: string];

// Ids follow the list order (1..n), as in a freshly created project.
function workItems(rows: readonly Row[]): WorkItem[] {
  return rows.map(([type, state, title], index) => ({ id: index + 1, title, type, state }));
}

/** Every id is a fixed GUID, distinct per org: alice in fabrikam is not alice in contoso. */
const fabrikam: SeedOrganization = {
  id: '82aa2fdd-f972-4fff-b708-b781eee236bc',
  name: 'fabrikam',
  users: [
    { name: 'alice', id: '44ac7f6e-c63f-4cf3-94bd-623ac2b85c22', displayName: 'Alice Anders', uniqueName: 'alice@fabrikam.example', isCollectionAdmin: true },
    { name: 'bob', id: '5324a332-d6ee-489d-9edd-c9f03e23970f', displayName: 'Bob Brandt', uniqueName: 'bob@fabrikam.example', isCollectionAdmin: false },
    { name: 'carol', id: '5531371c-661c-4713-8cfa-4245d0610c3f', displayName: 'Carol Castillo', uniqueName: 'carol@fabrikam.example', isCollectionAdmin: false },
  ],
  workItems: workItems([
    ['Epic', 'Active', 'Fiber customer self-service portal'],
    ['Feature', 'Active', 'Online service appointment booking'],
    ['Feature', 'New', 'Outage notifications by SMS'],
    ['Feature', 'Closed', 'Single sign-on for customer accounts'],
    ['User Story', 'Active', 'As a customer I can pick a two-hour installation window'],
    ['User Story', 'New', 'As a technician I see my route for the day on a map'],
    ['User Story', 'Resolved', 'As a customer I can reschedule an appointment online'],
    ['User Story', 'Closed', 'As a customer I sign in with my Microsoft account'],
    ['User Story', 'New', 'As a dispatcher I can subscribe a region to outage alerts'],
    ['Task', 'Active', 'Design the appointment slot API'],
    ['Task', 'Closed', 'Create the technician schedule table'],
    ['Task', 'Active', 'Build the calendar picker component'],
    ['Task', 'New', 'Integrate the SMS gateway'],
    ['Task', 'Resolved', 'Write reschedule confirmation email template'],
    ['Task', 'Closed', 'Configure the OpenID Connect client'],
    ['Bug', 'Active', 'Booking page times out when no slots are free'],
    ['Bug', 'New', 'Map pins overlap for technicians on the same street'],
    ['Bug', 'Resolved', 'Confirmation email shows UTC instead of local time'],
    ['Bug', 'Closed', 'Sign-in loop after password reset'],
    ['Task', 'New', 'Load-test the booking endpoint at 500 requests per second'],
  ]),
};

const contoso: SeedOrganization = {
  id: '7117c583-5b6d-41f1-98c6-60a186542c45',
  name: 'contoso',
  users: [
    { name: 'alice', id: 'd979fd13-21bb-432f-81ac-8a442fe30fb3', displayName: 'Alice Anders', uniqueName: 'alice@contoso.example', isCollectionAdmin: true },
    { name: 'bob', id: '92938490-f96b-4cc1-8398-472910f5610c', displayName: 'Bob Brandt', uniqueName: 'bob@contoso.example', isCollectionAdmin: false },
    { name: 'carol', id: 'a658307c-2971-46dc-9b71-60a025d0177f', displayName: 'Carol Castillo', uniqueName: 'carol@contoso.example', isCollectionAdmin: false },
  ],
  workItems: workItems([
    ['Epic', 'Active', 'Mobile banking app redesign'],
    ['Feature', 'Active', 'Instant transfers between own accounts'],
    ['Feature', 'New', 'Card freeze and unfreeze'],
    ['Feature', 'Resolved', 'Biometric login'],
    ['User Story', 'Active', 'As a customer I can move money between my accounts instantly'],
    ['User Story', 'New', 'As a customer I can freeze a lost card from the app'],
    ['User Story', 'Resolved', 'As a customer I can log in with my fingerprint'],
    ['User Story', 'Closed', 'As a customer I see my balance on the home screen'],
    ['User Story', 'New', 'As a support agent I can see when a card was frozen'],
    ['Task', 'Active', 'Add the transfer limits check'],
    ['Task', 'Closed', 'Create the account balance widget'],
    ['Task', 'New', 'Call the card processor freeze endpoint'],
    ['Task', 'Resolved', 'Store the biometric key in the secure enclave'],
    ['Task', 'Active', 'Write the transfer audit log entry'],
    ['Task', 'Closed', 'Set up the push notification service'],
    ['Bug', 'Active', 'Transfer screen accepts a negative amount'],
    ['Bug', 'New', 'Balance widget flickers on Android 14'],
    ['Bug', 'Resolved', 'Fingerprint prompt appears twice after an update'],
    ['Bug', 'Closed', 'Push notifications arrive without sound'],
    ['Task', 'New', 'Accessibility review of the transfer flow'],
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
