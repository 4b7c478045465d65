import KwalkGraph

/// The site's home page: the kernels it was generated from and links to each walkthrough.
public enum HTMLIndex {
  /// Escapes text for HTML, in one place.
  public static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(ch)
      }
    }
    return out
  }

  public static func render(_ model: SiteModel) -> String {
    var body = "<h1>kwalk: how a packet to localhost travels</h1>\n"
    for k in model.kernels {
      body += "<h2>Linux \(escape(k.version))</h2>\n<p>Debian package \(escape(k.debianPackage ?? "n/a")); config: "
        + "\(escape(k.config)).</p>\n<ul>\n"
      for w in k.walkthroughs {
        let hops = w.paths.map { "\($0.direction): \($0.hops.count) hops" }.joined(separator: ", ")
        body += "<li><a href=\"markdown/\(escape(k.label))/\(escape(w.spec.name)).md\">\(escape(w.spec.title))</a> "
          + "(\(escape(hops))) — <a href=\"graph/\(escape(k.label))/\(escape(w.spec.name)).dot\">graph</a></li>\n"
      }
      body += "</ul>\n"
    }
    return """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>kwalk</title>
      <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}
      @media (prefers-color-scheme: dark){body{background:#111;color:#ddd}a{color:#8ab4f8}}</style>
      </head><body>
      \(body)</body></html>

      """
  }
}
