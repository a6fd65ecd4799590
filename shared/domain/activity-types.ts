export interface ActivityType {
  id: string;
  name: string;
  color: string;
  isDefault: boolean;
}

/** The set every organization starts with. Ids are stable so scripts can name them. */
export const DEFAULT_ACTIVITY_TYPES: readonly ActivityType[] = [
  { id: 'development', name: 'Development', color: '#0078d4', isDefault: true },
  { id: 'meeting', name: 'Meeting', color: '#8764b8', isDefault: false },
  { id: 'testing', name: 'Testing', color: '#107c10', isDefault: false },
  { id: 'documentation', name: 'Documentation', color: '#ca5010', isDefault: false },
  { id: 'design', name: 'Design', color: '#e3008c', isDefault: false },
  { id: 'support', name: 'Support', color: '#5c2e91', isDefault: false },
];
