// The staff workspace's menu (issue 18): on a phone the sections fold behind a button. Without
// script they stay open (the "js" class is what hides them).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var toggle = document.querySelector(".menu-toggle");
  var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!menu) return;
  toggle.addEventListener("click", function () {
    var open = menu.classList.toggle("open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

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

// The ticket table's keys (issue 18): j and k move between rows, Enter opens the row's ticket (its
// link has the focus), x ticks the row, a assigns the ticked rows (or this one) to me, / goes to
// the search box, ? shows or hides the list of keys. A key typed into a field is the field's.
(function () {
  "use strict";
  var table = document.querySelector("table.tickets[data-keys]");
  if (!table) return;
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
  var form = table.closest("form");
  var help = document.getElementById("keys-help");
  var search = document.getElementById("shell-search");
  var current = -1;
  function move(to) {
    if (!rows.length) return;
    if (current >= 0) rows[current].classList.remove("current");
    current = Math.max(0, Math.min(rows.length - 1, to));
    rows[current].classList.add("current");
    rows[current].querySelector("a").focus();
  }
  function assignToMe() {
    var ticked = form.querySelectorAll("tbody input[type=checkbox]:checked");
    if (!ticked.length && current >= 0) rows[current].querySelector("input[type=checkbox]").checked = true;
    if (!form.querySelector("tbody input[type=checkbox]:checked")) return;
    form.querySelector("select[name=action]").value = "assign";
    form.querySelector("select[name=assignee]").value = table.getAttribute("data-me");
    form.submit();
  }
  rows.forEach(function (row, index) {
    row.addEventListener("focusin", function () {
      if (current >= 0) rows[current].classList.remove("current");
      current = index;
      row.classList.add("current");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var field = event.target;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName) && field.type !== "checkbox") {
      if (event.key === "Escape") field.blur();
      return;
    }
    switch (event.key) {
      case "j": move(current + 1); break;
      case "k": move(current - 1); break;
      case "x":
        if (current < 0) return;
        var box = rows[current].querySelector("input[type=checkbox]");
        box.checked = !box.checked;
        break;
      case "a": assignToMe(); break;
      case "/": if (search) search.focus(); break;
      case "?": if (help) help.hidden = !help.hidden; break;
      default: return;
    }
    event.preventDefault();
  });
  // Every row of the page at once; shown only where script can do it.
  var all = document.getElementById("select-all");
  if (all) {
    all.hidden = false;
    all.addEventListener("change", function () {
      rows.forEach(function (row) { row.querySelector("input[type=checkbox]").checked = all.checked; });
    });
  }
  var helpButton = document.getElementById("keys-button");
  if (helpButton && help) helpButton.addEventListener("click", function () { help.hidden = !help.hidden; });
})();

// The ticket table, live (issue 18): a change to a ticket in view marks its row, a new ticket
// counts in a marker with a link that reloads the list; nothing moves under the cursor.
(function () {
  "use strict";
  var table = document.querySelector("table.tickets[data-live]");
  var marker = document.getElementById("live-marker");
  if (!table || !marker || !window.EventSource) return;
  var rows = {};
  Array.prototype.forEach.call(table.querySelectorAll("tbody tr[data-code]"), function (row) {
    rows[row.getAttribute("data-code")] = row;
  });
  var fresh = {}, changed = {};
  function count(set) { return Object.keys(set).length; }
  var source = new EventSource(table.getAttribute("data-live"));
  source.addEventListener("ticket", function (message) {
    var data;
    try { data = JSON.parse(message.data); } catch (error) { return; }
    if (rows[data.code]) {
      rows[data.code].classList.add("changed");
      changed[data.code] = true;
    } else if (data["new"]) {
      fresh[data.code] = true;
    } else {
      return;
    }
    var parts = [];
    if (count(fresh)) parts.push(count(fresh) + " " + marker.getAttribute("data-new"));
    if (count(changed)) parts.push(count(changed) + " " + marker.getAttribute("data-changed"));
    marker.querySelector("span").textContent = parts.join(", ");
    marker.hidden = false;
  });
})();

// A long list of canned replies (issue 18): typing in the search box above it keeps the replies
// whose title or keywords hold every word typed, case and diacritics aside.
(function () {
  "use strict";
  var search = document.querySelector("input[data-filter]");
  var list = search && document.getElementById(search.getAttribute("data-filter"));
  if (!list) return;
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }
  search.addEventListener("input", function () {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    Array.prototype.forEach.call(list.options, function (option) {
      if (!option.value) return;
      var text = fold(option.getAttribute("data-words") || option.textContent);
      var shown = words.every(function (word) { return text.indexOf(word) >= 0; });
      option.hidden = !shown;
      option.disabled = !shown;
    });
  });
})();

