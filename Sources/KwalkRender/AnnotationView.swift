/// An annotation as HTML: its status (a word, not only a colour) and its body.
enum AnnotationView {
  /// `report`, when given, is where the status links: the note's row on the drift report page.
  static func node(_ note: AnnotationNote, report: String? = nil) -> HTMLNode {
    let status: HTMLNode =
      report.map {
        .link($0, [.text(note.status)], class: "status")
      } ?? .textTag("span", note.status, class: "status")
    return .tag(
      "aside", ["class": "note status-\(note.status)", "data-note": note.id],
      [.tag("p", class: "note-meta", [status, .text(" "), .textTag("span", note.origin, class: "origin")])]
        + MarkdownHTML.nodes(note.body))
  }
}
