// Azure Front Door Standard: https://{org}.<publicDomain>/api/* → the Function App. Front Door
// passes the original host on as X-Forwarded-Host; the backend reads the org from its first
// label (PUBLIC_HOST_SUFFIX). A wildcard domain needs our own certificate (Front Door-managed
// ones cannot be wildcards): it is read from Key Vault by the profile's identity, so the
// custom domain is added once the certificate is there (customDomainEnabled).
param profileName string
param endpointName string
param tags object
param originHostName string
param publicDomain string
param customDomainEnabled bool
param keyVaultName string
param certificateName string

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: keyVaultName }

resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: { name: 'Standard_AzureFrontDoor' }
  identity: { type: 'SystemAssigned' }
  properties: { originResponseTimeoutSeconds: 60 }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: { enabledState: 'Enabled' }
}

// One origin, so no health probes (they would only wake the app up).
resource originGroup 'Microsoft.Cdn/profiles/originGroups@2024-09-01' = {
  parent: profile
  name: 'function-app'
  properties: {
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 }
    sessionAffinityState: 'Disabled'
  }
}

resource origin 'Microsoft.Cdn/profiles/originGroups/origins@2024-09-01' = {
  parent: originGroup
  name: 'function-app'
  properties: {
    hostName: originHostName
    originHostHeader: originHostName
    httpsPort: 443
    priority: 1
    weight: 1000
    enforceCertificateNameCheck: true
    enabledState: 'Enabled'
  }
}

// Key Vault Secrets User: 4633458b-17de-408a-b874-0445c86b69e6 (Front Door reads the wildcard certificate).
resource frontDoorCertificateReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (customDomainEnabled) {
  name: guid(keyVault.id, profile.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: profile.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource wildcardCertificate 'Microsoft.Cdn/profiles/secrets@2024-09-01' = if (customDomainEnabled) {
  parent: profile
  name: 'wildcard-certificate'
  dependsOn: [ frontDoorCertificateReader ]
  properties: {
    parameters: {
      type: 'CustomerCertificate'
      secretSource: { id: '${keyVault.id}/secrets/${certificateName}' }
      useLatestVersion: true
    }
  }
}

resource wildcardDomain 'Microsoft.Cdn/profiles/customDomains@2024-09-01' = if (customDomainEnabled) {
  parent: profile
  name: 'wildcard-${replace(publicDomain, '.', '-')}'
  properties: {
    hostName: '*.${publicDomain}'
    tlsSettings: {
      certificateType: 'CustomerCertificate'
      minimumTlsVersion: 'TLS12'
      secret: { id: wildcardCertificate.id }
    }
  }
}

// API answers are per user: nothing is cached.
resource apiRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'api'
  dependsOn: [ origin ]
  properties: {
    originGroup: { id: originGroup.id }
    customDomains: customDomainEnabled ? [ { id: wildcardDomain.id } ] : []
    patternsToMatch: [ '/api/*' ]
    supportedProtocols: [ 'Https' ]
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    httpsRedirect: 'Disabled'
  }
}

output frontDoorId string = profile.properties.frontDoorId
output endpointHostName string = endpoint.properties.hostName
output wildcardValidationToken string = customDomainEnabled ? wildcardDomain.properties.validationProperties.validationToken : ''
