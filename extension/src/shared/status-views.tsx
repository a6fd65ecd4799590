import { MessageCard, MessageCardSeverity } from 'azure-devops-ui/MessageCard';
import { Spinner, SpinnerSize } from 'azure-devops-ui/Spinner';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from './api-error.js';
import { errorLines } from './error-text.js';

/** A visible "loading" state: pages never sit blank while they wait. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="flex-row justify-center" style={{ padding: 24 }} data-testid="loading">
      <Spinner size={SpinnerSize.medium} label={label} />
    </div>
  );
}

/**
 * An error as the server worded it, in a MessageCard. A missing endpoint (the server is
 * older than this UI) and a missing permission read as such, not as failures.
 */
export function ErrorCard({ error, what, onRetry, onDismiss }: { error: unknown; what: string; onRetry?: () => void; onDismiss?: () => void }) {
  const buttons = onRetry ? [{ text: 'Try again', onClick: onRetry }] : undefined;
  if (error instanceof ApiError && error.endpointMissing) {
    return (
      <MessageCard className="th-section" severity={MessageCardSeverity.Warning} buttonProps={buttons} onDismiss={onDismiss}>
        {`This Timehub server does not offer ${what} yet. (${error.message})`}
      </MessageCard>
    );
  }
  const severity = error instanceof ApiError && (error.status === 403 || error.status === 402) ? MessageCardSeverity.Warning : MessageCardSeverity.Error;
  const prefix = error instanceof ApiError && error.status === 403 ? 'No access' : `Could not load ${what}`;
  const details = error instanceof ApiError ? error.details.map((d) => d.message).filter((m) => m !== error.message) : [];
  return (
    <MessageCard className="th-section" severity={severity} buttonProps={buttons} onDismiss={onDismiss}>
      <div data-testid="error-card">
        {`${prefix}: ${errorMessage(error)}`}
        {details.length > 0 && <ul>{details.map((d) => <li key={d}>{d}</li>)}</ul>}
      </div>
    </MessageCard>
  );
}

/** The message of a failed action (save, delete, start...): the server's words, a collision in local time. */
export function ActionError({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { message, details } = errorLines(error);
  return (
    <MessageCard className="th-section" severity={MessageCardSeverity.Error} onDismiss={onDismiss}>
      <div data-testid="action-error">
        {message}
        {details.length > 0 && <ul>{details.map((d) => <li key={d}>{d}</li>)}</ul>}
      </div>
    </MessageCard>
  );
}

export function Notice({ children, severity = MessageCardSeverity.Info }: { children: ReactNode; severity?: MessageCardSeverity }) {
  return (
    <MessageCard className="th-section" severity={severity}>
      {children}
    </MessageCard>
  );
}

/** A visible "nothing here yet" state with a hint of what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex-column flex-center" style={{ padding: 24 }} data-testid="empty-state">
      <div className="title-s">{title}</div>
      {children && <div className="th-muted" style={{ marginTop: 8 }}>{children}</div>}
    </div>
  );
}

/** What a page shows when it could not start at all. */
export function FatalError({ error }: { error: unknown }) {
  return (
    <div style={{ padding: 16 }}>
      <MessageCard severity={MessageCardSeverity.Error}>{`Timehub could not start: ${errorMessage(error)}`}</MessageCard>
    </div>
  );
}
