// The quota of the top level while the committee decides (docs/domain.md §7): those chosen at the top against the
// share of those at the second level, shown as they are chosen; the server checks it again.
(function () {
  var form = document.getElementById('decision-form');
  var live = document.getElementById('quota-live');
  if (!form || !live) {
    return;
  }
  var percent = parseInt(live.getAttribute('data-percent'), 10);
  var template = live.getAttribute('data-template');
  function update() {
    var top = 0;
    var second = 0;
    form.querySelectorAll('select[name^="level-"]').forEach(function (select) {
      if (select.value === 'EXCELLENT') { top++; }
      if (select.value === 'GOOD') { second++; }
    });
    var allowed = Math.floor(second * percent / 100);
    live.textContent = template.replace('{0}', top).replace('{1}', allowed).replace('{2}', second)
      .replace('{3}', percent);
    live.classList.toggle('alert-danger', top > allowed);
    live.classList.toggle('alert-success', top <= allowed);
  }
  form.addEventListener('change', update);
  update();
})();
