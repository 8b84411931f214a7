/**
 * A short confirmation on the page itself (after a copy from the context menu or a shortcut), in a closed shadow
 * root with inline styles so the page's CSS can't restyle or hide it. Removed after a moment.
 */
export function showPageToast(text: string, error: boolean): void {
  const host = document.createElement('lectern-toast');
  host.setAttribute('data-state', error ? 'failed' : 'done');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.textContent = text;
  box.style.cssText = [
    'position:fixed',
    'z-index:2147483647',
    'left:50%',
    'bottom:24px',
    'transform:translateX(-50%)',
    'padding:10px 16px',
    'border-radius:10px',
    `background:${error ? '#a12a2a' : '#1d1d1b'}`,
    'color:#fff',
    'font:600 14px/1.4 system-ui,sans-serif',
    'box-shadow:0 6px 20px rgba(0,0,0,.3)',
    'max-width:80vw',
  ].join(';');
  root.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), error ? 6000 : 2500);
}
