/**
 * Tells the other Timehub frames of this browser (the hub, the work item tab, the toolbar
 * action) that tracking changed, so that they refresh at once instead of at their next poll.
 */
const CHANNEL = 'timehub-tracking';

export function announceTrackingChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'tracking-changed' });
  channel.close();
}

export function onTrackingChanged(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listener();
  return () => channel.close();
}
