// Timehub in Azure: `azd up` provisions this, then deploys the bundled functions.
// Each module below is one role, declared once: the way in (identity, Front Door, the app and
// its settings), then what the app uses, then who may do what (roles).
// test/infra cross-checks this file and app/*.bicep against the code (settings, queues,
// containers, roles, secrets): run `npx vitest run test/infra` after any change here.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('The azd environment name; it names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region for everything but Front Door (global).')
param location string

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID): may set the vault\'s secrets and certificate. Empty: no such role.')
param principalId string = ''

@description('Organizations are served at https://{org}.<publicDomain>, e.g. timehub.example.com.')
param publicDomain string

@description('Add the wildcard domain *.<publicDomain> to Front Door. Turn on once the wildcard certificate is in the vault (README, Deployment).')
param customDomainEnabled bool = false

@description('Name of the wildcard certificate in the vault.')
param wildcardCertificateName string = 'timehub-wildcard'

@description('Optional: the Azure DNS zone holding publicDomain (e.g. example.com); its TXT and CNAME records are then created.')
param dnsZoneName string = ''

@description('Resource group of that DNS zone; empty: the Timehub resource group.')
param dnsZoneResourceGroup string = ''

@description('The app token audiences of the prod extension, comma-separated (APP_TOKEN_AUDIENCES).')
param appTokenAudiences string

@description('The Marketplace publisher id: the extension\'s pages are served from its gallery CDN host (CORS).')
param extensionPublisher string

@description('Where billing admins buy a subscription (BUY_NOW_URL).')
param buyNowUrl string

@description('Links in email notices point here (APP_BASE_URL).')
param appBaseUrl string = 'https://dev.azure.com'

param devOpsBaseUrl string = 'https://dev.azure.com'

@description('Client id of Timehub\'s multitenant app registration that customer orgs add as a user to have time written back to work items (DEVOPS_APP_CLIENT_ID). Give it a federated credential trusting the app identity (outputs DEVOPS_APP_FEDERATED_*). Empty: work item automation reads and writes as the app identity, in its own tenant only.')
param devOpsAppClientId string = ''

@description('Outgoing mail for the email notices; the password goes into the vault as smtp-password.')
param smtpHost string
param smtpPort int = 587
param smtpSecure bool = false
param smtpUser string
param smtpFrom string

@description('Shown by GET /api/about, e.g. the git commit (BUILD_ID).')
param buildId string = 'azd'

@allowed([ '20', '22' ])
param nodeVersion string = '20'
param maximumInstanceCount int = 40
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

var tags = { 'azd-env-name': environmentName, application: 'timehub' }
var token = toLower(uniqueString(subscription().id, environmentName, location))
var functionAppName = 'func-timehub-${token}'
var keyVaultName = 'kv-timehub-${take(token, 12)}'
var cosmosDatabaseName = 'timehub'
// The names the code uses: shared/ports/document-store.ts and shared/ports/message-queue.ts.
var cosmosContainers = [ 'orgs', 'worklogs', 'subscriptions' ]
var serviceBusQueues = [ 'activity-checks', 'email-notices', 'bulk-actions', 'work-item-updates' ]

// A Key Vault reference: the app's identity resolves it; the app setting never holds the value.
var secretUriPrefix = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-timehub-${environmentName}'
  location: location
  tags: tags
}

module appIdentity 'app/identity.bicep' = {
  name: 'app-identity'
  scope: rg
  params: { name: 'id-timehub-${token}', location: location, tags: tags }
}

module frontDoor 'app/front-door.bicep' = {
  name: 'front-door'
  scope: rg
  params: {
    profileName: 'afd-timehub-${token}'
    endpointName: 'timehub-${token}'
    tags: tags
    // The app's default host name, written out: the app in turn needs this Front Door's id.
    originHostName: '${functionAppName}.azurewebsites.net'
    publicDomain: publicDomain
    customDomainEnabled: customDomainEnabled
    keyVaultName: keyVault.outputs.name
    certificateName: wildcardCertificateName
  }
}

module frontDoorDns 'app/front-door-dns.bicep' = if (customDomainEnabled && !empty(dnsZoneName)) {
  name: 'front-door-dns'
  scope: resourceGroup(empty(dnsZoneResourceGroup) ? rg.name : dnsZoneResourceGroup)
  params: {
    zoneName: dnsZoneName
    publicDomain: publicDomain
    endpointHostName: frontDoor.outputs.endpointHostName
    validationToken: frontDoor.outputs.wildcardValidationToken
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  dependsOn: [ appRoles ]
  params: {
    planName: 'plan-timehub-${token}'
    appName: functionAppName
    location: location
    tags: tags
    identityId: appIdentity.outputs.id
    deploymentContainerUrl: deploymentStorage.outputs.deploymentContainerUrl
    nodeVersion: nodeVersion
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    frontDoorId: frontDoor.outputs.frontDoorId
    corsAllowedOrigins: [ 'https://${extensionPublisher}.gallerycdn.vsassets.io', 'https://${extensionPublisher}.gallery.vsassets.io' ]
    appSettings: appSettings
  }
}

// The settings shared/config/settings.ts reads, plus the platform's own.
var appSettings = {
  // Platform: host storage, telemetry, and the identity every Azure SDK signs in with.
  AzureWebJobsStorage__accountName: deploymentStorage.outputs.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: appIdentity.outputs.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${appIdentity.outputs.clientId}'
  AZURE_CLIENT_ID: appIdentity.outputs.clientId
  // Timehub: the cloud adapters.
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmosDatabaseName
  SERVICEBUS__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  SERVICEBUS__credential: 'managedidentity'
  SERVICEBUS__clientId: appIdentity.outputs.clientId
  DEVOPS_BASE_URL: devOpsBaseUrl
  DEVOPS_APP_CLIENT_ID: devOpsAppClientId
  SMTP_HOST: smtpHost
  SMTP_PORT: string(smtpPort)
  SMTP_SECURE: smtpSecure ? 'true' : 'false'
  SMTP_USER: smtpUser
  SMTP_FROM: smtpFrom
  // Timehub: tenancy, tokens, billing.
  PUBLIC_HOST_SUFFIX: '.${publicDomain}'
  APP_TOKEN_AUDIENCES: appTokenAudiences
  APP_BASE_URL: appBaseUrl
  BUY_NOW_URL: buyNowUrl
  BUILD_ID: buildId
  // Secrets: Key Vault references only (README, Deployment, names the secrets to create).
  APP_TOKEN_SECRET: '@Microsoft.KeyVault(SecretUri=${secretUriPrefix}/app-token-secret/)'
  SESSION_SECRET: '@Microsoft.KeyVault(SecretUri=${secretUriPrefix}/session-secret/)'
  BILLING_WEBHOOK_SECRET: '@Microsoft.KeyVault(SecretUri=${secretUriPrefix}/billing-webhook-secret/)'
  LICENSE_PUBLIC_KEY: '@Microsoft.KeyVault(SecretUri=${secretUriPrefix}/license-public-key/)'
  SMTP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${secretUriPrefix}/smtp-password/)'
}

module deploymentStorage 'app/deployment-storage.bicep' = {
  name: 'deployment-storage'
  scope: rg
  params: { name: 'sttimehub${take(token, 13)}', location: location, tags: tags, deploymentContainerName: 'app-package' }
}

module cosmos 'app/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    accountName: 'cosmos-timehub-${token}'
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    containerNames: cosmosContainers
    partitionKeyPath: '/pk'
  }
}

module serviceBus 'app/service-bus.bicep' = {
  name: 'service-bus'
  scope: rg
  params: { namespaceName: 'sb-timehub-${token}', location: location, tags: tags, queueNames: serviceBusQueues }
}

module keyVault 'app/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: { name: keyVaultName, location: location, tags: tags }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: { workspaceName: 'log-timehub-${token}', appInsightsName: 'appi-timehub-${token}', location: location, tags: tags }
}

module appRoles 'app/app-roles.bicep' = {
  name: 'app-roles'
  scope: rg
  params: {
    appPrincipalId: appIdentity.outputs.principalId
    cosmosAccountName: cosmos.outputs.accountName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    storageAccountName: deploymentStorage.outputs.name
  }
}

module operatorRoles 'app/operator-roles.bicep' = if (!empty(principalId)) {
  name: 'operator-roles'
  scope: rg
  params: { operatorPrincipalId: principalId, keyVaultName: keyVault.outputs.name }
}

output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.namespaceName
output AZURE_APP_INSIGHTS_NAME string = monitoring.outputs.appInsightsName
output API_BASE_URL_PATTERN string = 'https://{org}.${publicDomain}/api'
output FRONT_DOOR_ENDPOINT_HOST_NAME string = frontDoor.outputs.endpointHostName
output WILDCARD_DOMAIN_VALIDATION_TOKEN string = frontDoor.outputs.wildcardValidationToken
// The federated credential to add to the multitenant app registration (README, Deployment): it trusts the app identity.
output DEVOPS_APP_FEDERATED_ISSUER string = '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
output DEVOPS_APP_FEDERATED_SUBJECT string = appIdentity.outputs.principalId
output DEVOPS_APP_FEDERATED_AUDIENCE string = 'api://AzureADTokenExchange'
