import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLicenseKeys, signLicense } from '../shared/billing/license-file.js';
import { licenseFileBody } from '../shared/contracts/billing.js';
import { exitOnHelp } from './usage.js';

const usage = `usage:
  npm run license -- --org <name> --seats <n> --expires <YYYY-MM-DD | ISO instant> --key <private key .pem> [--subscription-id <id>] [--out <file>]
  npm run license -- --generate-keys <dir>

A date means the end of that day (UTC). The license file is printed (or written to --out).
The backend verifies it with LICENSE_PUBLIC_KEY. Locally that is the development key, whose
private half is test/fixtures/dev-license-key/DEV-ONLY-private-key.pem: never use it for customers.`;

/** The vendor's tool: signs license files with Ed25519, or makes a new key pair. */
function main() {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' }, seats: { type: 'string' }, expires: { type: 'string' }, key: { type: 'string' },
      'subscription-id': { type: 'string' }, out: { type: 'string' }, 'generate-keys': { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  if (values['generate-keys']) return generateKeys(values['generate-keys']);
  if (!values.org || !values.seats || !values.expires || !values.key) throw new Error(usage);
  const expiry = /^\d{4}-\d{2}-\d{2}$/.test(values.expires) ? `${values.expires}T23:59:59Z` : values.expires;
  const terms = {
    org: values.org,
    seats: Number(values.seats),
    expiry,
    subscriptionId: values['subscription-id'] ?? `lic-${values.org.toLowerCase()}-${expiry.slice(0, 10)}`,
  };
  const checked = licenseFileBody.omit({ signature: true }).safeParse(terms);
  if (!checked.success) throw new Error(`${checked.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}\n${usage}`);
  const file = `${JSON.stringify(signLicense(checked.data, readFileSync(values.key, 'utf8')), null, 2)}\n`;
  if (values.out) writeFileSync(values.out, file);
  process.stdout.write(values.out ? `license for ${terms.org} written to ${values.out}\n` : file);
}

function generateKeys(dir: string) {
  const { privateKeyPem, publicKeyPem } = generateLicenseKeys();
  mkdirSync(dir, { recursive: true });
  const privatePath = join(dir, 'license-private-key.pem');
  writeFileSync(privatePath, privateKeyPem, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(join(dir, 'license-public-key.pem'), publicKeyPem);
  console.log(`wrote ${privatePath} (keep it secret) and ${join(dir, 'license-public-key.pem')}`);
  console.log('Set the backend setting LICENSE_PUBLIC_KEY to the public key (PEM; line breaks may be written as \\n).');
}

exitOnHelp(usage);
try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
