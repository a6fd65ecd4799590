import { LocalDevOpsDirectory } from '../../shared/adapters/devops/local-devops-directory.js';
import { describeDevOpsDirectoryContract } from './devops-directory.contract.js';

const accessTokenSecret = 'contract-test-access-token-secret';

describeDevOpsDirectoryContract('LocalDevOpsDirectory', async () => ({
  directory: new LocalDevOpsDirectory({ accessTokenSecret }),
  accessTokenSecret,
}));
