// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // The error summary takes focus so screen readers announce it (GOV.UK pattern).
  var summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();
  // Buttons that confirm ("data-confirm"): a second look before an irreversible step.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var message = form && form.getAttribute && form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
