import ExcelJS from 'exceljs';
import { findSeedOrganization } from '../../shared/adapters/devops/local-seed.js';
import { createApiToken } from '../../shared/identity/api-tokens.js';
import { registerSession } from '../../shared/orgs/register-session.js';
import { client, type OrgName, type TestApi } from './api-server.js';
import { readCsv } from './csv-reader.js';

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The error envelope when the answer is JSON. */
  error?: { code: string; message: string };
}

/** GET an export as a browser would download it. */
export async function download(api: TestApi, token: string, path: string): Promise<Download> {
  const res = await fetch(`${api.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(bytes.toString('utf8')) as { error?: Download['error'] }) : undefined;
  return { status: res.status, headers: res.headers, bytes, error: json?.error };
}

/** The CSV's rows below its header, each as header → value; throws without the BOM. */
export function csvRecords(bytes: Buffer): Record<string, string>[] {
  if (!bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) throw new Error('the CSV does not start with a UTF-8 BOM');
  const [header, ...rows] = readCsv(bytes.subarray(3).toString('utf8'));
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

/** The first sheet's rows below its header, each as header → cell value, read by exceljs. */
export async function xlsxRecords(bytes: Buffer): Promise<Record<string, ExcelJS.CellValue>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
  const records: Record<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) records.push(Object.fromEntries(header.map((name, i) => [name, row.getCell(i + 1).value])));
  });
  return records;
}

/** A user of `org` with the given display name (the seed has ASCII names only), signed in with an API token. */
export async function memberNamed(api: TestApi, org: OrgName, id: string, name: string) {
  const seeded = findSeedOrganization(org)!;
  const user = { id, name, uniqueName: `${id}@${org}.example` };
  await registerSession(api.app.ports, { id: seeded.id, name: seeded.name }, user, false);
  const { token } = await createApiToken(api.app.ports, { orgId: seeded.id, orgName: seeded.name, user, roles: [] }, { name: 'test', expiresInDays: 365 });
  return { user, token, call: client(api, token) };
}
