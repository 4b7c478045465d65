/// The one escaping function of the simulator and verify-report pages (text and attribute values alike), so the
/// lead can swap it for the typed HTML builder's.
public enum SimulatorHTML {
  public static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A link to a line of a source page: `../src/<file>.html#L<line>`.
  public static func sourceLink(file: String, line: Int, text: String, root: String = "..") -> String {
    "<a href=\"\(escape("\(root)/src/\(file).html#L\(line)"))\">\(escape(text))</a>"
  }

  /// The page frame: title, stylesheet and script paths relative to the page.
  static func layout(title: String, css: String, script: String?, body: String) -> String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(escape(title))</title>\n<link rel=\"stylesheet\" href=\"\(escape(css))\">\n</head>\n<body>\n"
    out += body
    if let script { out += "<script src=\"\(escape(script))\"></script>\n" }
    return out + "</body>\n</html>\n"
  }
}
