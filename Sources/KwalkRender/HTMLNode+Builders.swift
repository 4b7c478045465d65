/// Short constructors so that page code reads like the page.
extension HTMLNode {
  /// An element with attributes given as `(name, value)` pairs; nil values are left out.
  public static func tag(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ children: [HTMLNode] = []
  )
    -> HTMLNode
  {
    .element(
      name, attributes: attributes.compactMap { k, v in v.map { HTMLAttribute(k, $0) } }, children: children)
  }

  /// An element whose only attribute is its class.
  public static func tag(_ name: String, class cls: String, _ children: [HTMLNode]) -> HTMLNode {
    .element(name, attributes: [HTMLAttribute("class", cls)], children: children)
  }

  /// A link.
  public static func link(_ href: String, _ children: [HTMLNode], class cls: String? = nil) -> HTMLNode {
    tag("a", ["href": href, "class": cls], children)
  }

  /// A link whose content is text.
  public static func link(_ href: String, _ text: String, class cls: String? = nil) -> HTMLNode {
    link(href, [.text(text)], class: cls)
  }

  /// `<code>text</code>`.
  public static func code(_ text: String) -> HTMLNode { tag("code", [:], [.text(text)]) }

  /// An element holding only text.
  public static func textTag(_ name: String, _ text: String, class cls: String? = nil) -> HTMLNode {
    tag(name, ["class": cls], [.text(text)])
  }
}
