// The menu button of the header (overrides/partials/header.html). Material opens the
// navigation drawer through a <label> for a hidden checkbox, which Tab never reaches.
// This real button toggles the same checkbox, tells its state (aria-expanded), moves
// focus into the drawer when it opens, and closes it with Escape or when focus leaves
// it, so the keyboard never ends up behind the open drawer.
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-gk-drawer-button]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  function firstControl() {
    return drawer.querySelector("a[href], button:not([hidden]), [tabindex='0']");
  }

  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(toggle.checked));
  });

  button.addEventListener("click", function () {
    toggle.click();
    var target = toggle.checked && firstControl();
    if (target) target.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      event.stopPropagation();
      toggle.click();
      button.focus();
    }
  }, true);

  document.addEventListener("focusin", function (event) {
    if (toggle.checked && !drawer.contains(event.target) && event.target !== button) {
      toggle.click();
    }
  });
})();
