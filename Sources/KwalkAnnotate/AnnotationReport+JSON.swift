/// `kwalk check --format json`: per kernel, every placed note and every note its `kernels:` range skipped.
extension AnnotationReport {
  /// One kernel of the JSON output.
  public struct KernelJSON: Encodable, Sendable {
    public var kernel: String
    public var version: String
    public var annotations: [ResolvedAnnotation]
    /// The notes not placed in this kernel because their `kernels:` range leaves it out.
    public var skipped: [SkippedNote]
  }

  /// A note a kernel skipped: which, where it is written, and the range that leaves the kernel out.
  public struct SkippedNote: Encodable, Hashable, Sendable {
    public var id: String
    /// `tcp-ipv4/send.md:12`.
    public var origin: String
    /// The note's `kernels:` range (`6.12-`).
    public var kernels: String
  }

  /// The report as `kwalk check --format json` prints it.
  public var json: [KernelJSON] {
    kernels.map { k in
      KernelJSON(
        kernel: k.label, version: k.version, annotations: k.entries,
        skipped: k.skipped.map { SkippedNote(id: $0.id, origin: $0.origin, kernels: $0.kernels?.description ?? "") })
    }
  }
}
