// The console's only script: copy the draft with one click and switch it between "u" and "je".
// The pages work without it (the draft can be selected and copied by hand; the form makes a new draft).
(function () {
  "use strict";
  var status = document.getElementById("status");
  function announce(text) {
    if (!status) return;
    status.hidden = false;
    // Clear first so the same message is announced again.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 50);
  }

  var draft = document.getElementById("draft-text");
  var copy = document.getElementById("copy-draft");
  var choice = document.getElementById("draft-form");
  var section = draft ? draft.closest("[data-draft-je]") : null;

  if (draft && copy) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var text = draft.value;
      var done = function () {
        announce("Concept gekopieerd. Plak het in je e-mail of chat.");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {
          draft.select();
          announce("Kopiëren lukte niet. De tekst is geselecteerd: druk op Ctrl+C.");
        });
      } else {
        draft.select();
        announce(document.execCommand && document.execCommand("copy") ? "Concept gekopieerd." : "De tekst is geselecteerd: druk op Ctrl+C.");
      }
    });
  }

  if (draft && choice && section) {
    choice.hidden = false;
    var edited = false;
    draft.addEventListener("input", function () {
      edited = true;
    });
    choice.addEventListener("change", function (event) {
      var form = event.target && event.target.value;
      if (form !== "u" && form !== "je") return;
      if (edited && !window.confirm("Je hebt het concept aangepast. Wil je die wijzigingen vervangen door het concept met '" + form + "'?")) {
        var previous = choice.querySelector('input[value="' + draft.getAttribute("data-form") + '"]');
        if (previous) previous.checked = true;
        return;
      }
      draft.value = section.getAttribute(form === "u" ? "data-draft-u" : "data-draft-je") || "";
      draft.setAttribute("data-form", form);
      edited = false;
      announce(form === "u" ? "Het concept gebruikt nu 'u'." : "Het concept gebruikt nu 'je'.");
    });
  }

  // New requests from parents: check every 30 seconds and update the count in the navigation. A new request is
  // announced once through the status region (no sound, no focus change).
  var link = document.querySelector('nav a[href="/console/verzoeken"]');
  if (link && window.fetch) {
    var known = null;
    var check = function () {
      if (document.visibilityState === "hidden") return;
      fetch("/console/api/verzoeken", { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) {
          return r.ok ? r.json() : null;
        })
        .then(function (data) {
          if (!data || !Array.isArray(data.requests)) return;
          var waiting = data.requests.filter(function (r) {
            return r.status === "open";
          }).length;
          var open = data.requests.length;
          var badge = link.querySelector(".badge");
          if (open > 0) {
            if (!badge) {
              badge = document.createElement("span");
              badge.className = "badge";
              link.appendChild(document.createTextNode(" "));
              link.appendChild(badge);
            }
            badge.textContent = String(open);
            var sr = document.createElement("span");
            sr.className = "sr-only";
            sr.textContent = " open";
            badge.appendChild(sr);
          } else if (badge) {
            badge.remove();
          }
          if (known !== null && waiting > known) {
            announce(waiting - known === 1 ? "Er wacht een nieuw verzoek van een ouder." : "Er wachten " + (waiting - known) + " nieuwe verzoeken van ouders.");
          }
          known = waiting;
        })
        .catch(function () {});
    };
    check();
    window.setInterval(check, 30000);
  }

  // A request page: the parent's new messages arrive live (server-sent events), without reloading.
  var live = document.querySelector("[data-live]");
  if (live && window.EventSource) {
    var list = document.getElementById("live-messages");
    var lastActive = document.getElementById("last-active");
    var source = new EventSource(live.getAttribute("data-live"));
    var item = function (who, data) {
      var li = document.createElement("li");
      li.className = "turn turn-" + (who === "Ouder" ? "parent" : "staff");
      var meta = document.createElement("p");
      meta.className = "meta";
      var strong = document.createElement("strong");
      strong.textContent = who;
      var time = document.createElement("time");
      time.setAttribute("datetime", data.at);
      time.textContent = data.time;
      meta.append(strong, " ", time);
      var text = document.createElement("p");
      text.className = "text";
      text.textContent = data.text;
      li.append(meta, text);
      if (list) list.appendChild(li);
    };
    source.addEventListener("parent", function (event) {
      var data = JSON.parse(event.data);
      item("Ouder", data);
      if (lastActive) {
        lastActive.setAttribute("datetime", data.at);
        lastActive.textContent = data.time;
      }
      announce("Nieuw bericht van de ouder.");
    });
    source.addEventListener("returned", function (event) {
      var data = JSON.parse(event.data);
      if (lastActive) {
        lastActive.setAttribute("datetime", data.at);
        lastActive.textContent = data.time;
      }
      announce("De ouder is terug in het gesprek, met de terugkomcode.");
    });
    source.addEventListener("erased", function () {
      source.close();
      announce("De ouder heeft het gesprek gewist. Het verzoek is gesloten.");
    });
    source.addEventListener("back", function () {
      source.close();
      announce("De ouder is teruggegaan naar de chatbot. Het verzoek is afgesloten. Laad de pagina opnieuw.");
    });
  }
})();
