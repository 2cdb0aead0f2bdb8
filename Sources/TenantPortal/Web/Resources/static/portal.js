// Live status on a request page (PRODUCT.md B15): the stage list and the conversation follow the
// ticket's event stream without a reload. A separate file, because the pages' Content-Security-Policy
// allows no inline script. EventSource reconnects by itself and resumes with Last-Event-ID.
(function () {
  "use strict";
  var progress = document.querySelector("ol.progress[data-live]");
  if (!progress || !window.EventSource) return;
  var conversation = document.getElementById("conversation");
  var source = new EventSource(progress.getAttribute("data-live"));
  source.addEventListener("timeline", function (message) {
    var data;
    try { data = JSON.parse(message.data); } catch (error) { return; }
    var key = data.ticket && data.ticket.stage && data.ticket.stage.key;
    var items = progress.querySelectorAll("li[data-key]");
    var reached = false;
    for (var i = items.length - 1; i >= 0; i--) {
      var item = items[i];
      item.classList.remove("current", "done");
      item.removeAttribute("aria-current");
      if (item.getAttribute("data-key") === key) {
        item.classList.add("current");
        item.setAttribute("aria-current", "step");
        reached = true;
      } else if (reached) {
        item.classList.add("done");
      }
    }
    var entry = data.entry;
    if (!conversation || !entry || ["created", "transition", "note", "message", "attachment", "assignment"].indexOf(entry.kind) < 0) return;
    var li = document.createElement("li");
    var meta = document.createElement("p");
    meta.className = "muted";
    meta.textContent = entry.actor + " · " + new Date(entry.at).toLocaleString(document.documentElement.lang === "vi" ? "vi-VN" : "en-GB");
    var text = document.createElement("p");
    text.textContent = entry.kind === "transition" && entry.to ? (progress.getAttribute("data-moved") || "") + entry.to.name : entry.text;
    li.appendChild(meta);
    li.appendChild(text);
    conversation.appendChild(li);
  });
})();
