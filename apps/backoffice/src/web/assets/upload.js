// Progressive enhancement of the documents page: without this file the form posts as plain
// multipart and the page answers with the result. With it, the size and type are checked before
// anything is sent, and a <progress> bar follows the upload.
(function () {
  'use strict';
  var form = document.querySelector('form[data-upload]');
  if (!form || !window.XMLHttpRequest || !window.FormData) return;
  var input = form.querySelector('input[type="file"]');
  var group = form.querySelector('[data-file-group]');
  var errorBox = document.getElementById('file-error');
  var errorText = form.querySelector('[data-file-error]');
  var progressBox = form.querySelector('[data-progress]');
  var progress = progressBox && progressBox.querySelector('progress');
  var button = form.querySelector('button[type="submit"]');
  var remaining = Number(form.getAttribute('data-remaining'));
  var accepted = (form.getAttribute('data-accept') || '').split(',');
  var lang = form.getAttribute('data-lang') || 'es';

  function text(name, values) {
    var template = form.getAttribute('data-text-' + name) || '';
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return values && values[key] !== undefined ? values[key] : '';
    });
  }

  function size(bytes) {
    var locale = { es: 'es-ES', ca: 'ca-ES', en: 'en-GB' }[lang] || 'es-ES';
    var units =
      bytes < 1024 ? [bytes, 'B'] : bytes < 1048576 ? [bytes / 1024, 'KB'] : [bytes / 1048576, 'MB'];
    var value = Math.floor(units[0] * 10) / 10;
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) + ' ' + units[1];
  }

  function showError(message) {
    errorText.textContent = message;
    errorBox.hidden = false;
    group.classList.add('form-group-error');
    input.classList.add('input-error');
    input.setAttribute('aria-describedby', 'file-hint budget file-error');
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  function clearError() {
    errorBox.hidden = true;
    group.classList.remove('form-group-error');
    input.classList.remove('input-error');
    input.setAttribute('aria-describedby', 'file-hint budget');
    input.removeAttribute('aria-invalid');
  }

  function typeAccepted(file) {
    var name = file.name.toLowerCase();
    return accepted.some(function (entry) {
      return entry.charAt(0) === '.' ? name.slice(-entry.length) === entry : file.type === entry;
    });
  }

  function problemOf(file) {
    if (!file) return text('nofile');
    if (!typeAccepted(file)) return text('type', { name: file.name });
    if (file.size > remaining)
      return text('size', { name: file.name, size: size(file.size), left: size(remaining) });
    return undefined;
  }

  input.addEventListener('change', function () {
    var problem = input.files && input.files[0] ? problemOf(input.files[0]) : undefined;
    if (problem) showError(problem);
    else clearError();
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = input.files && input.files[0];
    var problem = problemOf(file);
    if (problem) return showError(problem);
    clearError();
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable && progress) progress.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener('load', function () {
      var answer;
      try {
        answer = JSON.parse(request.responseText);
      } catch (_) {
        answer = undefined;
      }
      if (request.status === 201 && answer && answer.next) return window.location.assign(answer.next);
      progressBox.hidden = true;
      button.disabled = false;
      var first = answer && answer.errors && answer.errors[0];
      showError(first ? first.text : text('failed'));
    });
    request.addEventListener('error', function () {
      progressBox.hidden = true;
      button.disabled = false;
      showError(text('failed'));
    });
    progressBox.hidden = false;
    if (progress) progress.value = 0;
    button.disabled = true;
    request.send(new FormData(form));
  });
})();
