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

// On paper a video is its transcript (print.css hides the player): open the closed
// transcripts for printing and close them again afterwards.
(function () {
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.gk-video__transcript:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
