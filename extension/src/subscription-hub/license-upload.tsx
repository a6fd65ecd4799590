import { Button } from 'azure-devops-ui/Button';
import { Card } from 'azure-devops-ui/Card';
import { useRef, type ChangeEvent } from 'react';
import { useApi } from '../shared/api-context.js';
import type { LicenseFileRequest } from '../shared/api-types.js';
import { dateLabel } from '../shared/format.js';
import { ActionError, Notice } from '../shared/status-views.js';
import { useSubmit } from '../shared/use-submit.js';

/** Offline activation: a license file signed by the vendor, sent as it is; the server checks the signature. */
export function LicenseUpload({ onActivated }: { onActivated: () => void }) {
  const api = useApi();
  const { busy, error, done, submit, dismissError } = useSubmit();
  const picker = useRef<HTMLInputElement>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    await submit(async () => {
      let license: LicenseFileRequest;
      try {
        license = JSON.parse(await file.text()) as LicenseFileRequest;
      } catch {
        throw new Error(`${file.name} is not a Timehub license file: it is not JSON.`);
      }
      await api.uploadLicense(license);
      onActivated();
      return `The license in ${file.name} is active: ${license.seats} seats until ${dateLabel(license.expiry)}.`;
    });
  };

  return (
    <Card className="th-section" titleProps={{ text: 'Upload a license file' }}>
      <div className="flex-column flex-grow" data-testid="license-upload">
        <div className="th-muted th-section">For organizations that cannot activate online: the vendor sends a signed license file.</div>
        {error !== undefined && <ActionError error={error} onDismiss={dismissError} />}
        {done && <Notice>{done}</Notice>}
        {/* The browser's own "Choose File" stays hidden: a host button opens it. */}
        <input ref={picker} type="file" hidden accept=".json,.lic,application/json" aria-label="License file" data-testid="license-file" disabled={busy}
          onChange={(e) => void upload(e)} />
        <div>
          <Button text="Choose a license file…" iconProps={{ iconName: 'Upload' }} disabled={busy} onClick={() => picker.current?.click()} />
        </div>
      </div>
    </Card>
  );
}
