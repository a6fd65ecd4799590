import { bundleEntryPath, type CodeFacts } from './code-facts.js';
import { isIdentityProperty } from './check-settings.js';
import { entry, literal, textOf, type InfraModel, type Located } from './infra-model.js';
import { appSettings, deploymentSection, expand, propertyOf } from './infra-queries.js';

/** The Function App: Flex Consumption, Node the code supports, the app identity everywhere, Front Door only. */
export function checkFunctionApp(model: InfraModel, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const [site, ...more] = model.resources('Microsoft.Web/sites');
  if (!site || more.length) return ['infra must declare exactly one Microsoft.Web/sites (the function app)'];
  const prop = (...path: string[]) => propertyOf(model, site, ...path);
  const plan = model.resources('Microsoft.Web/serverfarms')[0];
  if (literal(prop('kind')?.value) !== 'functionapp,linux') problems.push("the function app's kind must be 'functionapp,linux'");
  if (!plan || literal(propertyOf(model, plan, 'sku', 'name')?.value) !== 'FC1' || literal(propertyOf(model, plan, 'properties', 'reserved')?.value) !== true) {
    problems.push('the plan must be Flex Consumption (sku FC1, reserved: true)');
  }
  if (literal(prop('properties', 'functionAppConfig', 'runtime', 'name')?.value) !== 'node') problems.push('the runtime must be node');
  const version = Number(literal(prop('properties', 'functionAppConfig', 'runtime', 'version')?.value));
  if (!(version >= facts.nodeMajor)) problems.push(`the runtime is Node ${version}, package.json needs ${facts.nodeMajor} or later`);
  if (literal(prop('identity', 'type')?.value) !== 'UserAssigned') problems.push('the function app must run as its user-assigned identity');
  const deployment = (...path: string[]) => prop('properties', 'functionAppConfig', 'deployment', 'storage', 'authentication', ...path);
  if (literal(deployment('type')?.value) !== 'UserAssignedIdentity' || !isIdentityProperty(model, deployment('userAssignedIdentityResourceId'), 'id')) {
    problems.push('the deployment container must be read with the app identity (functionAppConfig.deployment.storage.authentication)');
  }
  const restrictions = textOf(prop('properties', 'siteConfig', 'ipSecurityRestrictions')?.value);
  if (!restrictions.includes('AzureFrontDoor.Backend') || !restrictions.includes('x-azure-fdid')) problems.push('the function app must accept only its Front Door (AzureFrontDoor.Backend + x-azure-fdid)');
  return [...problems, ...checkFrontDoor(model, facts), ...checkDeploymentFiles(model, facts, site)];
}

/** *.<domain> on Front Door, forwarding /<routePrefix>/* to the app, matching PUBLIC_HOST_SUFFIX. */
function checkFrontDoor(model: InfraModel, facts: CodeFacts): string[] {
  const problems: string[] = [];
  const suffix = expand(model, 'main.bicep', appSettings(model).get('PUBLIC_HOST_SUFFIX')?.value);
  const domains = model.resources('Microsoft.Cdn/profiles/customDomains').map((d) => expand(model, d.file, entry(d.declaration.value, 'properties', 'hostName')));
  if (!domains.includes(`*${suffix}`)) problems.push(`Front Door has no wildcard domain '*${suffix}' matching PUBLIC_HOST_SUFFIX (it has ${JSON.stringify(domains)})`);
  const routes = model.resources('Microsoft.Cdn/profiles/afdEndpoints/routes');
  if (!routes.some((r) => textOf(entry(r.declaration.value, 'properties', 'patternsToMatch')).includes(`/${facts.routePrefix}/*`))) {
    problems.push(`no Front Door route forwards /${facts.routePrefix}/* (host.json routePrefix)`);
  }
  if (!model.resources('Microsoft.Cdn/profiles').some((p) => literal(propertyOf(model, p, 'sku', 'name')?.value) === 'Standard_AzureFrontDoor')) problems.push('Front Door must be Standard_AzureFrontDoor');
  return problems;
}

/** azd finds the app, deploys the bundle package.json points at, and gets every parameter. */
function checkDeploymentFiles(model: InfraModel, facts: CodeFacts, site: Located): string[] {
  const problems: string[] = [];
  const { azureYaml, funcignore, readme } = model.sources;
  const service = /^ {2}([\w-]+):\s*\n(?: {4}.*\n)*? {4}host:\s*function\b/m.exec(azureYaml)?.[1];
  const tag = /'azd-service-name':\s*'([^']+)'/.exec(textOf(entry(site.declaration.value, 'tags')))?.[1];
  if (!service || service !== tag) problems.push(`azure.yaml's function service (${service ?? 'none'}) must match the site's azd-service-name tag (${String(tag)})`);
  if (facts.packageMain !== bundleEntryPath()) problems.push(`package.json main is ${facts.packageMain}; the bundle the host must load is ${bundleEntryPath()}`);
  for (const path of [facts.packageMain, 'host.json', 'package.json']) {
    if (isIgnored(funcignore, path)) problems.push(`.funcignore leaves ${path} out of the deployment package`);
  }
  if (!isIgnored(funcignore, 'node_modules/zod/index.js')) problems.push('.funcignore should leave node_modules out: the bundle needs none');
  for (const file of model.files.keys()) {
    if (file !== 'main.bicep' && model.callersOf(file).length === 0) problems.push(`infra/${file} is not used by main.bicep`);
  }
  const main = model.files.get('main.bicep') ?? [];
  for (const param of main.filter((d) => d.keyword === 'param')) {
    if (!param.value && !(param.name in model.parameters)) problems.push(`main.bicep's param ${param.name} has no default and no entry in main.parameters.json`);
  }
  for (const name of Object.keys(model.parameters)) {
    if (!main.some((d) => d.keyword === 'param' && d.name === name)) problems.push(`main.parameters.json sets ${name}, which main.bicep does not declare`);
  }
  for (const variable of new Set([...model.sources.parametersJson.matchAll(/\$\{(TIMEHUB_\w+)/g)].map((m) => m[1]!))) {
    if (!deploymentSection(readme).includes(`\`${variable}`)) problems.push(`README.md's Deployment section does not explain ${variable} (main.parameters.json)`);
  }
  return problems;
}

/** .gitignore-style matching, enough for .funcignore: anchored and plain globs, `!` to re-include, dir/ patterns. */
export function isIgnored(patterns: string, path: string): boolean {
  const rules = patterns.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const isDir = i < parts.length;
    let ignored = false;
    for (const rule of rules) {
      const negated = rule.startsWith('!');
      let glob = negated ? rule.slice(1) : rule;
      if (glob.endsWith('/')) {
        if (!isDir) continue;
        glob = glob.slice(0, -1);
      }
      const anchored = glob.startsWith('/') || glob.slice(0, -1).includes('/');
      const regex = new RegExp(`^${anchored ? '' : '(?:.*/)?'}${glob.replace(/^\//, '').replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      if (regex.test(prefix)) ignored = !negated;
    }
    if (ignored) return true;
  }
  return false;
}
