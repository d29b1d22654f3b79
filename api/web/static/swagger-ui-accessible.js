// Swagger UI (/docs) named for screen readers: its markup leaves the <select>s of enumerated
// parameters (and, where they have no label, of servers and media types) and its copy buttons
// without an accessible name (WCAG 4.1.2). It renders with React, and again as a reader opens
// an operation or runs one, so each element is named as it appears.
(function () {
  "use strict";

  function hasName(element) {
    return Boolean(
      element.getAttribute("aria-label") ||
        element.getAttribute("aria-labelledby") ||
        element.getAttribute("title") ||
        (element.labels && element.labels.length)
    );
  }

  function selectName(select) {
    var parameter = select.closest("tr[data-param-name]");
    if (parameter) return parameter.getAttribute("data-param-name");
    if (select.closest(".servers")) return "Server";
    if (select.closest(".response-control-media-type, .content-type-wrapper")) {
      return "Response media type";
    }
    if (select.closest(".body-param-content-type")) return "Request body media type";
    return null;
  }

  function copyButtonName(button) {
    if (button.closest(".curl-command")) return "Copy the curl command";
    if (button.closest(".request-snippets")) return "Copy the request snippet";
    if (button.closest(".live-responses-table")) return "Copy the response body";
    if (button.closest(".responses-wrapper")) return "Copy the example response";
    return "Copy to the clipboard";
  }

  function nameAll(root) {
    root.querySelectorAll("select").forEach(function (select) {
      var name = hasName(select) ? null : selectName(select);
      if (name) select.setAttribute("aria-label", name);
    });
    root.querySelectorAll(".copy-to-clipboard button").forEach(function (button) {
      if (!hasName(button) && !button.textContent.trim()) {
        button.setAttribute("aria-label", copyButtonName(button));
      }
    });
  }

  var root = document.getElementById("swagger-ui") || document.body;
  nameAll(root);
  // Only added nodes are watched, so the names set here do not wake the observer again.
  new MutationObserver(function () {
    nameAll(root);
  }).observe(root, { childList: true, subtree: true });
})();
