import { checkContainers, checkQueues, checkRoles } from './check-resources.js';
import { checkFunctionApp } from './check-deployment.js';
import { checkSecrets, checkSettings } from './check-settings.js';
import type { CodeFacts } from './code-facts.js';
import { InfraModel, type InfraSources } from './infra-model.js';

/** Every mismatch between infra/ and the code, as sentences; none means they agree. */
export function checkInfra(sources: InfraSources, facts: CodeFacts): string[] {
  const model = new InfraModel(sources);
  return [
    ...checkSettings(model, facts),
    ...checkSecrets(model, facts),
    ...checkContainers(model, facts),
    ...checkQueues(model, facts),
    ...checkRoles(model, facts),
    ...checkFunctionApp(model, facts),
  ];
}
