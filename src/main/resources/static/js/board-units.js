// The dispatch board's unit lists: the page carries the units once (template#board-unit-options) and a row's list
// is filled from it when the user first opens or tabs into it. Delegated, so rows swapped in by htmx work too.
(function () {
  function fill(select) {
    if (select.dataset.filled) return;
    var options = document.getElementById('board-unit-options');
    if (!options) return;
    select.appendChild(options.content.cloneNode(true));
    select.dataset.filled = 'true';
  }
  ['focusin', 'mousedown', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var select = event.target.closest && event.target.closest('select.unit-choice');
      if (select) fill(select);
    }, true);
  });
})();
