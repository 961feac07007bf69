// Live case updates (server-sent events from /casework/stream). Every element marked data-case-stream receives the
// custom event "case-changed" when a case the user may see changes; it reloads itself through htmx, e.g.
//   <section data-case-stream hx-get="/casework/inbox/lists" hx-trigger="case-changed" hx-swap="outerHTML">
// The event only says that something changed; each list re-reads itself through its own scope-checked query.
// A list where the user is typing is refreshed when the focus leaves it, so nobody loses what they typed.
(function () {
  'use strict';
  if (!window.EventSource || !document.querySelector('[data-case-stream]')) return;
  const pending = new WeakSet();
  let timer = null;
  let last = null;

  function typingIn(element) {
    const active = document.activeElement;
    return active && element.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) && active.type !== 'submit';
  }

  function refresh(detail) {
    document.querySelectorAll('[data-case-stream]').forEach(element => {
      if (typingIn(element)) {
        if (!pending.has(element)) {
          pending.add(element);
          element.addEventListener('focusout', function later() {
            setTimeout(() => {
              if (typingIn(element)) return;
              element.removeEventListener('focusout', later);
              pending.delete(element);
              htmx.trigger(element, 'case-changed', detail);
            }, 0);
          });
        }
        return;
      }
      htmx.trigger(element, 'case-changed', detail);
    });
    document.body.dataset.caseStreamLast = detail.number || '';
  }

  const source = new EventSource('/casework/stream');
  source.addEventListener('case', event => {
    try { last = JSON.parse(event.data); } catch (e) { last = {}; }
    // Several changes of one transaction (intake and registration) come together: refresh once.
    clearTimeout(timer);
    timer = setTimeout(() => refresh(last), 150);
  });
  source.addEventListener('open', () => {
    // After a lost connection, changes may have been missed: re-read once.
    if (document.body.dataset.caseStream === 'reconnecting') refresh({});
    document.body.dataset.caseStream = 'open';
  });
  source.addEventListener('error', () => { document.body.dataset.caseStream = 'reconnecting'; });
})();
