import KwalkAnnotate
import KwalkGraph

/// Everything the site shows, computed by the earlier stages.
public struct SiteModel: Sendable {
  /// One kernel's walkthroughs.
  public struct Kernel: Sendable {
    public var label: String
    public var version: String
    public var debianPackage: String?
    public var config: String
    public var walkthroughs: [(spec: WalkthroughSpec, paths: [PacketPath])]
    /// The annotations shown on each path, keyed by `walkthrough/direction`.
    public var notes: [String: AnnotationJoin.Attachment] = [:]
    /// Where every annotation landed in this kernel.
    public var annotationReport: AnnotationReport.Kernel?

    public init(
      label: String, version: String, debianPackage: String?, config: String,
      walkthroughs: [(spec: WalkthroughSpec, paths: [PacketPath])]
    ) {
      self.label = label
      self.version = version
      self.debianPackage = debianPackage
      self.config = config
      self.walkthroughs = walkthroughs
    }
  }

  public var kernels: [Kernel]

  public init(kernels: [Kernel]) { self.kernels = kernels }
}
