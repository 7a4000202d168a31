// Keeps keyboard focus where the reader is when Material would drop it on <body>:
// - closing the search (Escape, or the back arrow on narrow screens) returns focus to
//   the search control in the header: the search button (partials/header.html) on
//   narrow screens, the search field itself on wide ones, where it is in the header;
// - on narrow screens the closed search field is out of the Tab order: the search
//   button opens it;
// - "back to top" moves focus to the skip link's target (the page's first heading),
//   so that the next Tab goes on from the top, not from the vanished button;
// - a focused element is never scrolled under what is fixed at the top of the window
//   (the sticky header, "back to top" below it): --gk-top-cover tells site.css how tall
//   that is, which changes with the screen width and text size (the site name wraps).
// Every part does nothing when its elements are missing.
(function () {
  var toggle = document.getElementById("__search");
  var input = document.querySelector(".md-search__input");
  var button = document.querySelector("[data-gk-search-button]");

  if (toggle && input) {
    // The search button does what Material's <label> did: open the search and focus the
    // field in the same click (mobile browsers show the keyboard only then).
    if (button) {
      button.addEventListener("click", function () {
        if (!toggle.checked) toggle.click();
        input.focus();
      });
    }

    // On narrow screens the closed search field is out of sight, yet Tab stopped on it,
    // and focus there opened the search over the page (which then could not scroll to
    // the next stop): there the search button is the one way in. Material opens and
    // closes the search by clicking the checkbox, so "change" always tells.
    var wide = window.matchMedia("(min-width: 60em)");
    function keepClosedFieldOutOfTabOrder() {
      if (button && !wide.matches && !toggle.checked) input.setAttribute("tabindex", "-1");
      else input.removeAttribute("tabindex");
    }
    toggle.addEventListener("change", keepClosedFieldOutOfTabOrder);
    if (wide.addEventListener) wide.addEventListener("change", keepClosedFieldOutOfTabOrder);
    keepClosedFieldOutOfTabOrder();

    var quiet = false;
    // Material opens the search whenever focus enters the field (it listens to focusin
    // on <body>); focus given back on closing must not open it again.
    document.addEventListener("focusin", function (event) {
      if (quiet && event.target === input) event.stopPropagation();
    }, true);

    function giveFocusBack() {
      if (toggle.checked) return;
      var active = document.activeElement;
      if (active && active !== document.body && !active.closest(".md-search")) return;
      if (button && button.offsetParent) {
        button.focus();
      } else if (input.offsetParent) {
        quiet = true;
        input.focus();
        quiet = false;
      }
    }

    // Material closes the search and blurs the field in its own Escape handler: give
    // focus back after it. The back arrow is a <label>: its click closes the search.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) setTimeout(giveFocusBack);
    }, true);
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".md-search__form label[for=__search]")) {
        setTimeout(giveFocusBack);
      }
    });

    // Typing into the closed field (focus given back on a wide screen) opens the search
    // again, before Material reads the key, so Enter and the arrows work as usual.
    input.addEventListener("keydown", function (event) {
      if (!toggle.checked && !/^(Tab|Escape|Shift|Control|Alt|Meta)$/.test(event.key)) toggle.click();
    });
  }

  // "Back to top": the target of the skip link (the first heading; #gk-content on the
  // 404 page), else the first heading of the content.
  function topTarget() {
    var skip = document.querySelector(".md-skip[href^='#']");
    var id = skip && decodeURIComponent(skip.getAttribute("href").slice(1));
    return (id && document.getElementById(id)) || document.querySelector(".md-content h1");
  }

  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".md-top")) return;
    var target = topTarget();
    if (!target) return;
    // A heading takes focus only by script, and only until it loses it again; the class
    // hides the outline (site.css): the heading is no control, and the reader already
    // sees the top of the page.
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
      target.addEventListener("blur", function () { target.removeAttribute("tabindex"); }, { once: true });
    }
    target.classList.add("gk-focus-target");
    // Material scrolls to the top itself.
    target.focus({ preventScroll: true });
  });

  // The header and "back to top" (Material places it 16 px below the header, with a
  // script) measured after each change of their size, once Material has moved the button.
  var header = document.querySelector(".md-header");
  var backToTop = document.querySelector(".md-top");
  if (header && window.ResizeObserver) {
    var measure = function () {
      var cover = header.offsetHeight;
      if (backToTop) cover = Math.max(cover, backToTop.offsetTop + backToTop.offsetHeight);
      document.documentElement.style.setProperty("--gk-top-cover", cover + "px");
    };
    var observer = new ResizeObserver(function () { requestAnimationFrame(measure); });
    observer.observe(header);
    if (backToTop) observer.observe(backToTop);
  }
})();
