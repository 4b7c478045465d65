/// A piece of an HTML document: elements with attributes and children, text, or markup a trusted tool produced.
///
/// Every page is built from these nodes; `render()` is the one place text is escaped.
public indirect enum HTMLNode: Sendable {
  /// An element. Attributes keep their order so output is deterministic.
  case element(String, attributes: [HTMLAttribute], children: [HTMLNode])
  /// Text, escaped when rendered.
  case text(String)
  /// Markup written by a program kwalk runs (Graphviz's SVG), inserted as is. Never built from user text.
  case trusted(String)
  /// Several nodes side by side.
  case fragment([HTMLNode])

  /// Elements that have no end tag.
  static let voidElements: Set<String> = ["meta", "link", "br", "hr", "img", "input"]

  /// Block elements followed by a line break in the output, so pages diff line by line. None may sit inside `<pre>`,
  /// where a line break is text.
  static let lineBreakAfter: Set<String> = [
    "html", "head", "body", "header", "main", "footer", "nav", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3",
    "p", "figure", "figcaption", "section", "aside", "table", "thead", "tbody", "tr", "meta", "link", "title", "div",
    "details", "summary", "pre",
  ]

  /// The markup.
  public func render() -> String {
    var out = ""
    write(to: &out)
    return out
  }

  /// Appends the markup to `out`.
  public func write(to out: inout String) {
    switch self {
    case .text(let s): Self.escape(s, into: &out)
    case .trusted(let s): out += s
    case .fragment(let nodes): for n in nodes { n.write(to: &out) }
    case .element(let name, let attributes, let children):
      out += "<" + name
      for a in attributes {
        out += " " + a.name + "=\""
        Self.escape(a.value, into: &out)
        out += "\""
      }
      out += ">"
      if !Self.voidElements.contains(name) {
        for c in children { c.write(to: &out) }
        out += "</" + name + ">"
      }
      if Self.lineBreakAfter.contains(name) { out += "\n" }
    }
  }

  /// Escapes `&`, `<`, `>` and `"`: enough for text and double-quoted attribute values. Runs between those
  /// characters are appended whole (pages are mostly source text with nothing to escape).
  public static func escape(_ s: String, into out: inout String) {
    let bytes = s.utf8
    var run = bytes.startIndex
    var i = run
    while i != bytes.endIndex {
      let entity: String
      switch bytes[i] {
      case UInt8(ascii: "&"): entity = "&amp;"
      case UInt8(ascii: "<"): entity = "&lt;"
      case UInt8(ascii: ">"): entity = "&gt;"
      case UInt8(ascii: "\""): entity = "&quot;"
      default:
        bytes.formIndex(after: &i)
        continue
      }
      out += s[run..<i]
      out += entity
      bytes.formIndex(after: &i)
      run = i
    }
    if run == bytes.startIndex { out += s } else { out += s[run...] }
  }

  /// `escape` returning a string.
  public static func escape(_ s: String) -> String {
    var out = ""
    escape(s, into: &out)
    return out
  }
}

/// One `name="value"` pair.
public struct HTMLAttribute: Hashable, Sendable {
  public var name: String
  public var value: String

  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}
