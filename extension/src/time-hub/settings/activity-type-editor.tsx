import { Button } from 'azure-devops-ui/Button';
import { Pill, PillSize } from 'azure-devops-ui/Pill';
import { TextField } from 'azure-devops-ui/TextField';
import { useState } from 'react';
import type { ActivityType, ActivityTypePatchRequest } from '../../shared/api-types.js';
import { ConfirmButton } from '../../shared/confirm-button.js';
import './activity-types.css';

/** The type's color as a swatch, or as the browser's color picker for admins. */
export function ColorInput({ label, value, onChange }: { label: string; value: string; onChange?: (color: string) => void }) {
  // The API sends 7pace's rrggbb; the picker and CSS want #rrggbb.
  const css = `#${value.replace(/^#/, '')}`;
  if (!onChange) return <span aria-hidden="true" style={{ width: 10, height: 10, borderRadius: 5, background: css }} />;
  return <input type="color" aria-label={label} value={css} onChange={(event) => onChange(event.target.value)} style={{ width: 32, height: 32, padding: 0, border: 0 }} />;
}

/** One activity type for an admin: rename and recolor (then Save), make default, deactivate or reactivate. */
export function ActivityTypeEditor({ type, busy, onChange, onDeactivate }: {
  type: ActivityType;
  busy: boolean;
  onChange: (patch: ActivityTypePatchRequest) => void;
  onDeactivate: () => void;
}) {
  const [name, setName] = useState(type.name);
  const [color, setColor] = useState(`#${type.color}`);
  const edited = name.trim() !== type.name || color.slice(1).toLowerCase() !== type.color;
  return (
    // Columns of one width in every row (color, name, state, actions), so that rows line up.
    <li className="th-activity-type" data-testid="activity-type" data-type-name={type.name}>
      <ColorInput label={`Color of ${type.name}`} value={color} onChange={setColor} />
      <TextField ariaLabel={`Name of ${type.name}`} value={name} onChange={(_e, v) => setName(v)} />
      <span>
        {type.isDefault && <Pill size={PillSize.compact}>default</Pill>}
        {!type.isActive && <Pill size={PillSize.compact}>inactive</Pill>}
      </span>
      <span className="flex-row flex-center th-gap">
        {edited && <Button text="Save" primary disabled={busy} onClick={() => onChange({ name: name.trim(), color })} />}
        {!type.isDefault && type.isActive && (
          <>
            <Button text="Make default" subtle disabled={busy} onClick={() => onChange({ isDefault: true })} />
            <ConfirmButton text="Deactivate" question={`Deactivate ${type.name}? New time cannot use it.`} confirmText="Yes, deactivate"
              disabled={busy} onConfirm={onDeactivate} />
          </>
        )}
        {!type.isActive && <Button text="Reactivate" subtle disabled={busy} onClick={() => onChange({ isActive: true })} />}
      </span>
    </li>
  );
}

/** Name and color of a new activity type (made the default afterwards, if wanted). */
export function NewActivityTypeForm({ busy, onAdd, onEdit }: { busy: boolean; onAdd: (name: string, color: string) => Promise<boolean>; onEdit?: () => void }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState('#038387');
  const add = async () => { if (await onAdd(name.trim(), color)) setName(''); };
  return (
    <div className="flex-row flex-center th-gap" data-testid="new-activity-type">
      <ColorInput label="Color of the new activity type" value={color} onChange={setColor} />
      <TextField ariaLabel="New activity type name" placeholder="Name, e.g. Code review" value={name} onChange={(_e, v) => { setName(v); onEdit?.(); }} />
      <Button text="Add activity type" disabled={busy || name.trim() === ''} onClick={() => void add()} />
    </div>
  );
}
