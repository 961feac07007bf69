// The front desk's suggested answers from the knowledge base: "use this answer" copies the entry's answer into the
// answer field and remembers the entry, so that answering at once records which entry the caller was told.
// Editing the answer afterwards keeps the entry as its basis; clearing the field forgets it.
(function () {
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-use-answer]');
    if (!button) return;
    var answer = document.getElementById('answer');
    var entry = document.getElementById('knowledgeEntry');
    if (!answer || !entry) return;
    answer.value = button.getAttribute('data-answer');
    entry.value = button.getAttribute('data-entry-id');
    var basis = document.getElementById('knowledge-basis');
    if (basis) basis.hidden = false;
    answer.focus();
  });
  document.addEventListener('input', function (event) {
    if (event.target.id !== 'answer' || event.target.value.trim() !== '') return;
    var entry = document.getElementById('knowledgeEntry');
    if (entry) entry.value = '';
    var basis = document.getElementById('knowledge-basis');
    if (basis) basis.hidden = true;
  });
})();
