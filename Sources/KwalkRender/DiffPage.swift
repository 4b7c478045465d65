import KwalkDiff

/// The HTML page of a path diff: per leg, each changed step with the old and new version side by side, body diffs
/// in two columns. Every text goes through `escape`; links are relative fragments (`#tcp-ipv4-send-ip_output`).
public enum DiffPage {
  /// Escapes text for HTML; the only place this page escapes.
  public static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(ch)
      }
    }
    return out
  }

  /// The fragment a walkthrough step links to: `tcp-ipv4-send-ip_output` (unique on a page of several walkthroughs).
  public static func anchor(walkthrough: String, direction: String, callee: String) -> String {
    "\(walkthrough)-\(direction)-\(callee)"
  }

  /// Where the site keeps the page comparing two kernels: `diff/6.1-6.12.html`.
  public static func relativePath(fromLabel: String, toLabel: String) -> String { "diff/\(fromLabel)-\(toLabel).html" }

  /// The whole page for one or more walkthroughs.
  public static func render(_ diffs: [PathDiff]) -> String {
    let title = diffs.first.map { "kwalk diff: Linux \($0.from) → \($0.to)" } ?? "kwalk diff"
    var body = "<h1>\(escape(title))</h1>\n"
    for d in diffs { body += section(d) }
    return """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>\(style)</style>
      </head><body>
      \(body)</body></html>

      """
  }

  static let style = """
    body{font-family:system-ui,sans-serif;margin:2rem;max-width:110rem}table{border-collapse:collapse;width:100%}\
    td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top;text-align:left}\
    .code td{font-family:monospace;white-space:pre;border:none;padding:0 .4rem}\
    .added{background:#e6ffed}.removed{background:#ffeef0}.moved{background:#f1f8ff}.path{font-weight:bold}\
    .num{color:#888;text-align:right}\
    @media (prefers-color-scheme: dark){body{background:#111;color:#ddd}.added{background:#033a16}\
    .removed{background:#4b1113}.moved{background:#0c2d4b}}
    """

  /// One walkthrough: its summary and legs.
  static func section(_ d: PathDiff) -> String {
    var out = "<h2 id=\"\(escape(d.walkthrough))\">\(escape(d.walkthrough))</h2>\n"
    out += "<p>\(escape(d.summary.line))</p>\n"
    for leg in d.legs {
      out += "<h3>\(escape(leg.direction)): \(leg.oldHops) → \(leg.newHops) hops</h3>\n"
      if let b = leg.entryBody { out += "<h4>entry</h4>\n" + bodyTable(b, from: d.from, to: d.to) }
      for h in leg.changedHops {
        out += step(h, id: anchor(walkthrough: d.walkthrough, direction: leg.direction, callee: h.anchorCallee),
                    from: d.from, to: d.to)
      }
      if leg.events.isChanged {
        out += "<p>Tracepoints a trace prints: " + leg.events.steps.map { s in
          let cls = s.op == "+" ? "added" : s.op == "-" ? "removed" : "same"
          return "<code class=\"\(cls)\">\(escape(s.op + s.event))</code>"
        }.joined(separator: " ") + "</p>\n"
      }
    }
    if !d.annotationDrift.isEmpty {
      out += "<h3>annotations</h3>\n<table><tr><th>id</th><th>\(escape(d.from))</th><th>\(escape(d.to))</th>"
        + "<th>why</th></tr>\n"
      for a in d.annotationDrift {
        out += "<tr><td>\(escape(a.id))</td><td>\(escape(a.oldStatus + " " + (a.oldLocation ?? "")))</td>"
          + "<td>\(escape(a.newStatus + " " + (a.newLocation ?? "")))</td><td>\(escape(a.detail))</td></tr>\n"
      }
      out += "</table>\n"
    }
    return out
  }

  /// One changed step: the old and new hops in two columns, then the other facts, then the body.
  static func step(_ h: HopDiff, id: String, from: String, to: String) -> String {
    var out = "<h4 id=\"\(escape(id))\">\(escape(h.relation.rawValue)): \(escape(h.title))</h4>\n"
    out += "<table><tr><th>\(escape(from))</th><th>\(escape(to))</th></tr>\n<tr><td>"
    out += h.old.map { escape(HopDiff.describe($0)) }.joined(separator: "<br>")
    out += "</td><td>" + h.new.map { escape(HopDiff.describe($0)) }.joined(separator: "<br>") + "</td></tr>\n</table>\n"
    let facts = h.details.filter { !["old", "new", "body"].contains($0.label) }
    if !facts.isEmpty {
      out += "<ul>\n" + facts.map { "<li><b>\(escape($0.label))</b>: \(escape($0.text))</li>\n" }.joined() + "</ul>\n"
    }
    if let b = h.body { out += bodyTable(b, from: from, to: to) }
    return out
  }
}
