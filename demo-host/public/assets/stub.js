// @ts-nocheck — the snippet exactly as hosts paste it
// The embed snippet's queue stub as a file: a page with a strict CSP runs no inline script.
window.SupportWidget =
  window.SupportWidget ||
  function () {
    ;(window.SupportWidget.q = window.SupportWidget.q || []).push(arguments)
  }
