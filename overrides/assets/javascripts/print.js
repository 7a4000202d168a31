// The print button of a guide (overrides/partials/print-button.html) prints the page.
// The button is in the page from the start (no layout shift); print.css hides it
// where scripting is off. One listener on the document also serves pages that
// Material's instant navigation might swap in.
(function () {
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-gk-print]")) {
      window.print();
    }
  });
})();
