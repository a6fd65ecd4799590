import { Button } from 'azure-devops-ui/Button';
import { Checkbox } from 'azure-devops-ui/Checkbox';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import type { TargetPatchInput, TargetView } from '../../../../shared/contracts/targets.js';
import { ConfirmButton } from '../../shared/confirm-button.js';
import { ColorInput } from './activity-type-editor.js';
import './targets.css';

/** One target for an admin: rename, recolour and its billable default (then Save), deactivate or reactivate. */
export function TargetEditor({ target, busy, onChange, onDeactivate }: {
  target: TargetView;
  busy: boolean;
  onChange: (patch: TargetPatchInput) => void;
  onDeactivate: () => void;
}) {
  const [name, setName] = useState(target.name);
  const [color, setColor] = useState(target.color);
  const [isBillable, setBillable] = useState(target.isBillable);
  const edited = name.trim() !== target.name || color.toLowerCase() !== target.color || isBillable !== target.isBillable;
  return (
    <li className="th-target-row" data-testid="target" data-target-name={target.name}>
      <ColorInput label={`Colour of ${target.name}`} value={color} onChange={setColor} />
      <TextField ariaLabel={`Name of ${target.name}`} value={name} onChange={(_e, v) => setName(v)} />
      <Checkbox label="Billable" ariaLabel={`${target.name} is billable`} checked={isBillable} onChange={(_e, checked) => setBillable(checked)} />
      <span>{!target.isActive && <Pill size={PillSize.compact}>inactive</Pill>}</span>
      <span className="flex-row flex-center th-gap">
        {edited && <Button text="Save" primary disabled={busy} onClick={() => onChange({ name: name.trim(), color, isBillable })} />}
        {target.isActive ? (
          <ConfirmButton text="Deactivate" question={`Deactivate ${target.name}? New time cannot go on it; its worklogs keep it.`} confirmText="Yes, deactivate"
            disabled={busy} onConfirm={onDeactivate} />
        ) : (
          <Button text="Reactivate" subtle disabled={busy} onClick={() => onChange({ isActive: true })} />
        )}
      </span>
    </li>
  );
}

/** Name, colour and billable default of a new target. */
export function NewTargetForm({ busy, onAdd, onEdit }: { busy: boolean; onAdd: (name: string, color: string, isBillable: boolean) => Promise<boolean>; onEdit?: () => void }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#4f6bed');
  const [isBillable, setBillable] = useState(false);
  const add = async () => { if (await onAdd(name.trim(), color, isBillable)) setName(''); };
  return (
    <div className="flex-row flex-center th-gap" data-testid="new-target">
      <ColorInput label="Colour of the new target" value={color} onChange={setColor} />
      <TextField ariaLabel="New target name" placeholder="Name, e.g. Conference" value={name} onChange={(_e, v) => { setName(v); onEdit?.(); }} />
      <Checkbox label="Billable" ariaLabel="The new target is billable" checked={isBillable} onChange={(_e, checked) => setBillable(checked)} />
      <Button text="Add target" disabled={busy || name.trim() === ''} onClick={() => void add()} />
    </div>
  );
}
