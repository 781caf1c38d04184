// A form marked data-confirm asks before it is sent (removing a speech, target, task…);
// without JavaScript it is sent as it is.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
