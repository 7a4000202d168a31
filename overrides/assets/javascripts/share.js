// The copy button next to a guide's short address (overrides/partials/share.html).
// The address is a plain link that works without this script; the button copies it and
// the status next to it (role="status", aria-live) says whether that worked.
(function () {
  function copyBySelection(text) {
    // Older browsers and pages not served over https have no navigator.clipboard.
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    field.remove();
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(() => true, () => copyBySelection(text));
    }
    return Promise.resolve(copyBySelection(text));
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest && event.target.closest("[data-gk-copy]");
    if (!button) return;
    const status = button.parentNode.querySelector(".gk-copy-status");
    copy(button.dataset.gkCopy).then(function (copied) {
      if (!status) return;
      // Emptied first, so that copying twice is announced twice.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = copied ? button.dataset.gkCopied : button.dataset.gkCopyFailed;
      }, 50);
    });
  });
})();
