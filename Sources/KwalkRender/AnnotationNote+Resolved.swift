import KwalkAnnotate

extension AnnotationNote {
  /// A placed annotation as a page shows it.
  public init(_ r: ResolvedAnnotation) {
    self.init(
      id: r.annotation.id, status: r.status.rawValue, body: r.annotation.body, location: r.location,
      origin: r.annotation.origin)
  }
}
