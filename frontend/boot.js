// Loads Office.js, then the task pane module.
// Inside Office the page always loads Microsoft's office.js from its CDN (it cannot be bundled).
// The demo page opens the task pane with ?demo=1: then the offline Office.js stand-in is loaded instead,
// so the demo and the browser tests never need the network.
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var demo = params.get("demo") === "1";
  var office = demo ? "demo/office-standin.js" : "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

  function load(src, isModule, onload) {
    var s = document.createElement("script");
    if (isModule) s.type = "module";
    s.src = src;
    if (onload) s.onload = onload;
    s.onerror = function () {
      var status = document.getElementById("boot-status");
      if (status) status.textContent = "SendGuard could not load " + src + ".";
    };
    document.head.appendChild(s);
  }

  load(office, false, function () {
    load("taskpane.js", true);
  });
})();
