// axiswatch workbench: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Reader: outline every piece of the mark that the location hash names.
  function highlight(ref) {
    document.querySelectorAll("mark.active").forEach(function (m) {
      m.classList.remove("active");
    });
    if (!ref) { return; }
    document.querySelectorAll("mark[data-refs]").forEach(function (m) {
      if (m.dataset.refs.split(" ").indexOf(ref) !== -1) { m.classList.add("active"); }
    });
  }

  function fromHash() {
    highlight(decodeURIComponent(window.location.hash.slice(1)));
  }

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);

  // Filter forms: leave empty fields out of the address.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("filters")) { return; }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "") { el.disabled = true; }
    });
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
    }, 0);
  });
})();
