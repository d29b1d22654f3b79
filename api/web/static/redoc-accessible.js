// ReDoc (/redoc) held to WCAG 2.1 AA: started with a theme of its options whose colours pass
// contrast (4.5:1) where its defaults fail (inline code, the headers above parameters and
// bodies, the status tabs of the response samples on their dark panel), and its side menu's
// roles mended as it renders. The page names the OpenAPI document in data-spec-url; ReDoc
// renders it into the same element.
(function () {
  "use strict";

  var THEME = {
    typography: { code: { color: "#b71c1c" } },
    colors: {
      responses: {
        success: { tabTextColor: "#81c995" },
        error: { tabTextColor: "#ff8a80" },
      },
    },
    // Its underlined headers ("Query parameters", "Request body schema") are drawn in a
    // fixed half-transparent grey that no colour option reaches; this hook is ReDoc's way to
    // add CSS to one of its components.
    extensionsHook: function (component) {
      return component === "UnderlinedHeader" ? "color: #555f66;" : "";
    },
  };

  // Its side menu holds its items (role "menuitem") in plain lists where it nests a tag's
  // operations in the tag's item, and in a plain box for the results of its search: a menu item
  // must sit in a menu, and a list must hold list items (WCAG 1.3.1). Each such holder is made
  // a menu as it appears.
  function mendMenus(root) {
    root.querySelectorAll("[role=menuitem]").forEach(function (item) {
      var holder = item.parentElement;
      if (holder && !holder.hasAttribute("role")) holder.setAttribute("role", "menu");
    });
  }

  var container = document.getElementById("redoc");
  new MutationObserver(function () {
    mendMenus(container);
  }).observe(container, { childList: true, subtree: true });
  Redoc.init(container.getAttribute("data-spec-url"), { theme: THEME }, container);
})();
