// Sends the CSRF token (from the <meta name="_csrf"> tags of the layout) with every htmx request and every
// same-origin fetch that changes something, because Spring Security refuses such requests without it.
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }
  var token = meta('_csrf');
  var header = meta('_csrf_header');
  if (!token || !header) {
    return;
  }
  document.addEventListener('htmx:configRequest', function (event) {
    event.detail.headers[header] = token;
  });
  var safe = /^(GET|HEAD|OPTIONS|TRACE)$/i;
  var originalFetch = window.fetch.bind(window);
  window.fetch = function (resource, init) {
    var isRequest = resource instanceof Request;
    var method = (init && init.method) || (isRequest ? resource.method : 'GET');
    var url = new URL(isRequest ? resource.url : String(resource), window.location.href);
    if (safe.test(method) || url.origin !== window.location.origin) {
      return originalFetch(resource, init);
    }
    var headers = new Headers((init && init.headers) || (isRequest ? resource.headers : undefined));
    if (!headers.has(header)) {
      headers.set(header, token);
    }
    return originalFetch(resource, Object.assign({}, init, { headers: headers }));
  };
})();
