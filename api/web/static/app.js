// Improvements only: every page works without this file.
(function () {
  "use strict";
  // "Use my location": fill the location box with the browser's coordinates, when it allows.
  var button = document.getElementById("use-location");
  if (button && "geolocation" in navigator) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = document.getElementById("use-location-status");
      status.textContent = "Finding your location…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          document.getElementById("lat").value = position.coords.latitude.toFixed(5);
          document.getElementById("lon").value = position.coords.longitude.toFixed(5);
          document.getElementById("near").value = "";
          status.textContent = "Using your location. Press Search.";
        },
        function () {
          status.textContent = "Your browser did not share a location: type a ZIP or city.";
        }
      );
    });
  }
})();
