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
    var stage = data.ticket && data.ticket.stage;
    var key = stage && stage.key;
    // A stage the page did not list (an ending such as "resolved") joins the end of the list.
    if (key && !progress.querySelector("li[data-key='" + key.replace(/[^a-z0-9_]/g, "") + "']")) {
      var added = document.createElement("li");
      added.setAttribute("data-key", key);
      added.textContent = stage.name;
      progress.appendChild(added);
    }
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

// New request form: picking one of the organisation's known contacts fills in their email and
// phone.
(function () {
  "use strict";
  var name = document.getElementById("contact-name");
  var known = document.getElementById("known-contacts");
  if (name && known) {
    name.addEventListener("change", function () {
      var options = known.querySelectorAll("option");
      for (var i = 0; i < options.length; i++) {
        if (options[i].value !== name.value) continue;
        document.getElementById("contact-email").value = options[i].getAttribute("data-email");
        document.getElementById("contact-phone").value = options[i].getAttribute("data-phone");
      }
    });
  }
})();

// Every file field shows the pictures chosen before they are sent, in the element it names.
(function () {
  "use strict";
  if (!window.URL) return;
  var pickers = document.querySelectorAll("input[type=file][data-previews]");
  for (var i = 0; i < pickers.length; i++) {
    pickers[i].addEventListener("change", function (event) {
      var picker = event.currentTarget;
      var previews = document.getElementById(picker.getAttribute("data-previews"));
      if (!previews) return;
      previews.textContent = "";
      for (var j = 0; j < picker.files.length; j++) {
        var file = picker.files[j];
        if (file.type.indexOf("image/") !== 0) continue;
        var image = document.createElement("img");
        image.alt = file.name;
        image.src = URL.createObjectURL(file);
        previews.appendChild(image);
      }
    });
  }
})();

// Staff ticket page: choosing a canned reply puts its text into the note, ready to edit.
(function () {
  "use strict";
  var pickers = document.querySelectorAll("select[data-insert-into]");
  for (var i = 0; i < pickers.length; i++) {
    pickers[i].addEventListener("change", function (event) {
      var target = document.getElementById(event.target.getAttribute("data-insert-into"));
      if (target && event.target.value) target.value = event.target.value;
    });
  }
})();

// A form whose action cannot be undone (rotating or revoking a customer's token) asks first.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-confirm]");
  for (var i = 0; i < forms.length; i++) {
    forms[i].addEventListener("submit", function (event) {
      if (!window.confirm(event.currentTarget.getAttribute("data-confirm"))) event.preventDefault();
    });
  }
})();
