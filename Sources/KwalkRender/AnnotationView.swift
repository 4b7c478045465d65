/// An annotation as HTML: its status (a word, not only a colour) and its body.
enum AnnotationView {
  static func node(_ note: AnnotationNote) -> HTMLNode {
    .tag(
      "aside", ["class": "note status-\(note.status)", "data-note": note.id],
      [
        .tag(
          "p", class: "note-meta",
          [.textTag("span", note.status, class: "status"), .text(" "), .textTag("span", note.origin, class: "origin")])
      ] + MarkdownHTML.nodes(note.body))
  }
}
