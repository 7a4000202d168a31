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

  // Chromium leaves a link that sticks out a few pixels below the drawer's scrolling
  // list where it is (scrolling to the "nearest" edge does nothing either), its focus
  // outline cut off at the screen's edge: such a link is scrolled to the middle.
  function reveal(target) {
    var scroller = target.closest(".md-nav__list");
    if (!scroller) return;
    var box = target.getBoundingClientRect();
    var view = scroller.getBoundingClientRect();
    if (box.bottom > view.bottom + 0.5 || box.top < view.top - 0.5) target.scrollIntoView({block: "center"});
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
    } else if (toggle.checked && drawer.contains(event.target)) {
      var target = event.target;
      reveal(target);
      // Once more after the browser's own scrolling to the focused link, which comes later.
      requestAnimationFrame(function () { reveal(target); });
    }
  });
})();
