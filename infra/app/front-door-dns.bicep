// Optional: when the domain's zone is in Azure DNS, the records Front Door needs for the
// wildcard domain: the TXT record proving ownership and the CNAME sending *.<publicDomain> to it.
param zoneName string
param publicDomain string
param endpointHostName string
param validationToken string

var relativeName = publicDomain == zoneName ? '' : replace(publicDomain, '.${zoneName}', '')

resource zone 'Microsoft.Network/dnsZones@2018-05-01' existing = { name: zoneName }

resource wildcardValidation 'Microsoft.Network/dnsZones/TXT@2018-05-01' = {
  parent: zone
  name: empty(relativeName) ? '_dnsauth' : '_dnsauth.${relativeName}'
  properties: {
    TTL: 3600
    TXTRecords: [ { value: [ validationToken ] } ]
  }
}

resource wildcardCname 'Microsoft.Network/dnsZones/CNAME@2018-05-01' = {
  parent: zone
  name: empty(relativeName) ? '*' : '*.${relativeName}'
  properties: {
    TTL: 3600
    CNAMERecord: { cname: endpointHostName }
  }
}
