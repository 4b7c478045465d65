import Foundation

/// A small Markdown reader for annotation bodies: paragraphs, `-`/`*`/`1.` lists, fenced code, `code` and
/// **bold**. Everything else is text; the output is nodes, so escaping stays in `HTMLNode`.
public enum MarkdownHTML {
  public static func nodes(_ markdown: String) -> [HTMLNode] {
    var out: [HTMLNode] = []
    var paragraph: [String] = []
    var items: [String] = []
    var ordered = false
    var fence: [String]?
    func flush() {
      if !paragraph.isEmpty {
        out.append(.tag("p", [:], inline(paragraph.joined(separator: " "))))
        paragraph = []
      }
      if !items.isEmpty {
        out.append(.tag(ordered ? "ol" : "ul", [:], items.map { .tag("li", [:], inline($0)) }))
        items = []
      }
    }
    for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if var code = fence {
        if trimmed.hasPrefix("```") {
          out.append(.tag("pre", [:], [.code(code.joined(separator: "\n"))]))
          fence = nil
        } else {
          code.append(line)
          fence = code
        }
        continue
      }
      if trimmed.hasPrefix("```") {
        flush()
        fence = []
      } else if trimmed.isEmpty {
        flush()
      } else if let item = listItem(trimmed) {
        if !paragraph.isEmpty || (!items.isEmpty && ordered != item.ordered) { flush() }
        ordered = item.ordered
        items.append(item.text)
      } else if !items.isEmpty && (line.hasPrefix("  ") || line.hasPrefix("\t")) {
        items[items.count - 1] += " " + trimmed
      } else {
        if !items.isEmpty { flush() }
        paragraph.append(trimmed)
      }
    }
    if let code = fence { out.append(.tag("pre", [:], [.code(code.joined(separator: "\n"))])) }
    flush()
    return out
  }

  /// `- text`, `* text` or `1. text`.
  static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
    let digits = line.prefix { $0.isNumber }
    if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
      return (true, String(line.dropFirst(digits.count + 2)))
    }
    return nil
  }

  /// `code` spans and **bold** within a line of text.
  static func inline(_ text: String) -> [HTMLNode] {
    var out: [HTMLNode] = []
    var plain = ""
    var rest = Substring(text)
    func emit() {
      if !plain.isEmpty { out.append(.text(plain)) }
      plain = ""
    }
    while let c = rest.first {
      if c == "`", let close = rest.dropFirst().firstIndex(of: "`") {
        emit()
        out.append(.code(String(rest[rest.index(after: rest.startIndex)..<close])))
        rest = rest[rest.index(after: close)...]
      } else if rest.hasPrefix("**"), let close = rest.dropFirst(2).range(of: "**") {
        emit()
        out.append(
          .tag("strong", [:], inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]))))
        rest = rest[close.upperBound...]
      } else {
        plain.append(c)
        rest = rest.dropFirst()
      }
    }
    emit()
    return out
  }
}
