// Key Vault in RBAC mode. It holds the secrets the app settings reference (put there by
// the operator, see README "Deployment") and the wildcard TLS certificate for Front Door.
param name string
param location string
param tags object

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    publicNetworkAccess: 'Enabled'
  }
}

output name string = keyVault.name
output uri string = keyVault.properties.vaultUri
