/// The simulator page's script and stylesheet, static assets written beside the pages.
enum SimulatorAssets {
  static let script = #"""
// kwalk simulator: steps through the pre-rendered event list; the state shown is the one after the current event.
(function () {
  var events = Array.prototype.slice.call(document.querySelectorAll("#events > li"));
  var step = 0, timer = null;
  function show(n) {
    step = Math.max(0, Math.min(events.length - 1, n));
    events.forEach(function (li, i) {
      li.classList.toggle("future", i > step);
      li.classList.toggle("current", i === step);
    });
    document.querySelectorAll(".hops li").forEach(function (li) { li.classList.remove("current"); });
    var ev = events[step];
    if (!ev) return;
    var hop = document.getElementById("hop-" + ev.dataset.hop);
    if (hop) { hop.classList.add("current"); hop.scrollIntoView({ block: "nearest" }); }
    document.getElementById("context").textContent = ev.dataset.context;
    ev.dataset.queues.split(";").forEach(function (pair) {
      var kv = pair.split("="), dd = document.querySelector('[data-queue="' + kv[0] + '"]');
      if (dd) dd.textContent = kv[1] ? kv[1].split(",").join("  ") : "(empty)";
    });
    document.getElementById("position").textContent = "event " + step + " of " + (events.length - 1);
    ev.scrollIntoView({ block: "nearest" });
    history.replaceState(null, "", "#step=" + step);
  }
  function play() {
    if (timer) { clearInterval(timer); timer = null; return; }
    timer = setInterval(function () {
      if (step >= events.length - 1) { clearInterval(timer); timer = null; return; }
      show(step + 1);
    }, 700);
  }
  var actions = {
    first: function () { show(0); }, prev: function () { show(step - 1); }, next: function () { show(step + 1); },
    last: function () { show(events.length - 1); }, play: play
  };
  document.querySelectorAll("[data-act]").forEach(function (b) {
    b.addEventListener("click", function () { actions[b.dataset.act](); });
  });
  document.addEventListener("keydown", function (k) {
    if (k.key === "ArrowRight") actions.next();
    else if (k.key === "ArrowLeft") actions.prev();
    else if (k.key === " ") { k.preventDefault(); play(); }
    else if (k.key === "Home") actions.first();
    else if (k.key === "End") actions.last();
  });
  var m = /step=(\d+)/.exec(location.hash), h = /hop=([\w-]+)/.exec(location.hash), start = 0;
  if (m) start = parseInt(m[1], 10);
  else if (h) events.some(function (li, i) { if (li.dataset.hop === h[1]) { start = i; return true; } return false; });
  show(start);
})();
"""#

  static let style = """
    body { font-family: system-ui, sans-serif; margin: 1rem; }
    main { display: grid; grid-template-columns: 1fr 16rem; grid-template-areas: "path state" "log log"; gap: 1rem; }
    .path { grid-area: path; max-height: 40vh; overflow: auto; }
    .state { grid-area: state; }
    .log { grid-area: log; }
    .hops li.current { background: #ffe98a; }
    .hops li.entry { list-style: none; }
    .kind { display: inline-block; min-width: 4.5em; color: #555; font-size: 85%; }
    #events li { white-space: nowrap; }
    #events li.future { display: none; }
    #events li.current { background: #ffe98a; }
    #events li.softirq code { color: #7a2d8c; }
    .fn { color: #777; }
    dd { font-family: monospace; margin: 0 0 .5rem 1rem; }
    """
}
