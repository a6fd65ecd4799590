import { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { describeDevOpsDirectoryContract } from './devops-directory.contract.js';
import { describeWorkItemUpdatesContract } from './devops-work-item-updates.contract.js';

const accessTokenSecret = 'contract-test-access-token-secret';

describeDevOpsDirectoryContract('LocalDevOpsDirectory', async () => ({
  directory: new LocalDevOpsDirectory({ accessTokenSecret }),
  accessTokenSecret,
}));

describeWorkItemUpdatesContract('LocalDevOpsDirectory', async () => {
  const directory = new LocalDevOpsDirectory({ accessTokenSecret });
  return { directory, azureDevOps: directory };
});
