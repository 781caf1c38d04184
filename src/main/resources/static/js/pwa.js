// Installs chibo's service worker. On the start page it asks the worker to keep the next meeting and
// the documents shared for it, so that they stay readable without a connection; on the login page (after
// logging out) it asks the worker to forget what the last member kept.
(function () {
  // Without a connection the page asks the server for nothing more (the unread count, a roll-call row):
  // what it shows stays as it was kept.
  document.addEventListener('htmx:beforeRequest', (event) => {
    if (!navigator.onLine) {
      event.preventDefault();
    }
  });
  if (!('serviceWorker' in navigator)) {
    return;
  }
  navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then((registration) => {
    const worker = registration.active;
    if (!worker) {
      return;
    }
    if (document.getElementById('login-form')) {
      worker.postMessage({ forget: true });
      return;
    }
    const next = document.getElementById('next-meeting-link');
    if (next) {
      const keep = ['/', next.getAttribute('href')];
      document.querySelectorAll('#next-documents a').forEach((a) => keep.push(a.getAttribute('href')));
      worker.postMessage({ keep: keep });
    }
  }).catch(() => {});
})();
