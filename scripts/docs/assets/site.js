// The site's own behaviour, on every page: the light/dark theme and the search box.
// Loaded in <head> without defer so the theme applies before the first paint; no network.
//
// Theme: one choice for the whole site, kept in localStorage under `colorMode` (the key the
// reference's renderer reads at start-up too), "dark" or "light"; without a choice the
// system's preference applies. It sets html[data-theme] for our pages and the
// dark-mode/light-mode classes on <body> that the reference's styles follow.
//
// Search: window.SIGNLY_SEARCH (assets/search-index.js) lists every operation, guide section
// and changelog entry as {t: title, u: URL from the site root, k: kind, w: where, x: text}.
(function () {
  "use strict";
  var KEY = "colorMode";

  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null; // storage can be disabled for file:// pages
    }
  }

  function prefersDark() {
    return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }

  function isDark() {
    var mode = stored();
    return mode === "dark" || (mode !== "light" && prefersDark());
  }

  function apply(dark) {
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
    if (document.body) {
      document.body.classList.toggle("dark-mode", dark);
      document.body.classList.toggle("light-mode", !dark);
    }
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.textContent = dark ? "Light theme" : "Dark theme";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
    }
  }

  function choose(dark) {
    try {
      window.localStorage.setItem(KEY, dark ? "dark" : "light");
    } catch (error) {
      // still switch for this page
    }
    apply(dark);
  }

  apply(isDark());

  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(Boolean);
  }

  function score(entry, query) {
    var title = entry.t.toLowerCase();
    var haystack = (entry.t + " " + entry.w + " " + entry.x).toLowerCase();
    var total = 0;
    for (var i = 0; i < query.length; i++) {
      if (haystack.indexOf(query[i]) < 0) return 0;
      total += title.indexOf(query[i]) >= 0 ? 3 : 1;
    }
    return total + (entry.k === "Operation" ? 0.5 : 0);
  }

  function setUpSearch() {
    var input = document.getElementById("site-search");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    var root = document.body.getAttribute("data-root") || "";
    var selected = -1;

    function links() {
      return list.querySelectorAll("a");
    }

    function select(index) {
      var all = links();
      for (var i = 0; i < all.length; i++) {
        all[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      selected = index;
    }

    function render() {
      var query = words(input.value);
      list.textContent = "";
      selected = -1;
      if (!query.length) {
        list.hidden = true;
        return;
      }
      var found = (window.SIGNLY_SEARCH || [])
        .map(function (entry) {
          return { entry: entry, score: score(entry, query) };
        })
        .filter(function (hit) {
          return hit.score > 0;
        })
        .sort(function (a, b) {
          return b.score - a.score;
        })
        .slice(0, 12);
      if (!found.length) {
        var empty = document.createElement("li");
        empty.className = "empty";
        empty.textContent = "No match";
        list.appendChild(empty);
      }
      found.forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = root + hit.entry.u;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = hit.entry.k;
        var where = document.createElement("span");
        where.className = "where";
        where.textContent = hit.entry.w;
        link.appendChild(kind);
        link.appendChild(document.createTextNode(hit.entry.t));
        link.appendChild(where);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
    }

    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      var all = links();
      if (event.key === "ArrowDown" && all.length) {
        event.preventDefault();
        select((selected + 1) % all.length);
      } else if (event.key === "ArrowUp" && all.length) {
        event.preventDefault();
        select((selected - 1 + all.length) % all.length);
      } else if (event.key === "Enter" && all.length) {
        event.preventDefault();
        all[Math.max(selected, 0)].click();
      } else if (event.key === "Escape") {
        input.value = "";
        render();
      }
    });
    list.addEventListener("click", function () {
      list.hidden = true;
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target && event.target.tagName) || "");
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!input.parentNode.contains(event.target)) list.hidden = true;
    });
  }

  // A link to a section of the page already open only changes the hash: scroll to it. On
  // the reference, element ids are the fragment behind the renderer's prefix.
  function followHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var prefix = document.body.getAttribute("data-anchor-prefix") || "";
    var target = id && (document.getElementById(id) || document.getElementById(prefix + id));
    if (target) target.scrollIntoView();
  }

  document.addEventListener("DOMContentLoaded", function () {
    apply(isDark());
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.addEventListener("click", function () {
        choose(document.documentElement.getAttribute("data-theme") !== "dark");
      });
    }
    setUpSearch();
    window.addEventListener("hashchange", followHash);
  });
})();
