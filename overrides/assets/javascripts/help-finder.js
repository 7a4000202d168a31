// The help page's finder (guidekit/helpfinder.py): without JavaScript it is a jump list and
// a section per municipality. This adds a choice of municipality that shows only that one,
// and says what is shown in a polite live region so a screen reader hears the change.
(function () {
  var finder = document.querySelector("[data-gk-finder]");
  if (!finder) return;
  var places = Array.prototype.slice.call(finder.querySelectorAll("[data-municipality]"));
  if (places.length < 2) return;

  var field = document.createElement("p");
  field.className = "gk-finder__choose";
  var label = document.createElement("label");
  label.setAttribute("for", "gk-finder-select");
  label.textContent = finder.getAttribute("data-label-choose");
  var select = document.createElement("select");
  select.id = "gk-finder-select";
  var all = document.createElement("option");
  all.value = "";
  all.textContent = finder.getAttribute("data-label-all");
  select.appendChild(all);
  places.forEach(function (place) {
    var option = document.createElement("option");
    option.value = place.id;
    option.textContent = place.getAttribute("data-municipality");
    select.appendChild(option);
  });
  var status = document.createElement("p");
  status.className = "gk-finder__status";
  status.setAttribute("role", "status");
  field.appendChild(label);
  field.appendChild(document.createTextNode(" "));
  field.appendChild(select);
  finder.insertBefore(field, finder.firstChild);
  finder.insertBefore(status, field.nextSibling);

  function show(id) {
    places.forEach(function (place) { place.hidden = Boolean(id) && place.id !== id; });
    var chosen = id && document.getElementById(id);
    status.textContent = chosen
      ? finder.getAttribute("data-label-showing").replace("{name}", chosen.getAttribute("data-municipality"))
      : "";
  }

  select.addEventListener("change", function () { show(select.value); });
  // A jump-list link or an address such as digituki/#apu-kylamaki chooses that municipality.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (places.some(function (place) { return place.id === id; })) {
      select.value = id;
      show(id);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
