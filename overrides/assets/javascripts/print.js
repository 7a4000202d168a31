// The print button of a guide (overrides/partials/print-button.html): shown only
// when this script runs, since without it the button could do nothing.
(function () {
  function showButtons() {
    document.querySelectorAll("[data-gk-print]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-gk-print]")) {
      window.print();
    }
  });
  showButtons();
  // Material's instant navigation, if ever turned on, swaps pages without a reload.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(showButtons);
  }
})();
