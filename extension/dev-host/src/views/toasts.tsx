import { useCallback, useState } from 'react';

export interface ToastItem {
  id: number;
  message: string;
}

let nextToastId = 1;

/** The host's toasts (IGlobalMessagesService.addToast): bottom of the page, gone after their duration. */
export function useToasts() {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const show = useCallback((message: string, durationMs: number) => {
    const id = nextToastId++;
    setToasts((current) => [...current, { id, message }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), Math.max(2000, durationMs));
  }, []);
  return { toasts, show };
}

export function Toasts({ toasts }: { toasts: ToastItem[] }) {
  return (
    <div className="dh-toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="dh-toast" role="status" data-testid="host-toast">{toast.message}</div>
      ))}
    </div>
  );
}
