import KwalkAnnotate
import KwalkCore
import KwalkDiff
import KwalkGraph

/// Everything the site shows, computed by the earlier stages. Rendering reads only this.
public struct SiteModel: Sendable {
  /// One kernel: its walkthroughs and the source files they touch.
  public struct Kernel: Sendable {
    /// Directory name in the site (`6.1`).
    public var label: String
    /// Release (`6.1.192`).
    public var version: String
    /// Debian's package version, for Debian sources.
    public var debianPackage: String?
    /// Where the config came from.
    public var config: String
    public var walkthroughs: [Walkthrough]
    /// Every file a step touches, with its tokens and cross-references.
    public var sources: [SourcePath: SourceFile]
    /// Where every annotation landed in this kernel.
    public var annotationReport: AnnotationReport.Kernel?
    /// The simulator page of each walkthrough the simulator models.
    public var simulations: [Simulation] = []
    /// The compiler kbuild ran and whose libclang read the tree (`Debian clang version 19.1.7`), when known.
    public var compiler: String? = nil

    public init(
      label: String, version: String, debianPackage: String?, config: String, walkthroughs: [Walkthrough],
      sources: [SourcePath: SourceFile] = [:], annotationReport: AnnotationReport.Kernel? = nil
    ) {
      self.label = label
      self.version = version
      self.debianPackage = debianPackage
      self.config = config
      self.walkthroughs = walkthroughs
      self.sources = sources
      self.annotationReport = annotationReport
    }
  }

  /// The path diffs between two kernels and the page that shows them (`DiffPage`).
  public struct VersionDiff: Sendable {
    /// Site-relative path (`diff/6.1-6.12.html`).
    public var page: String
    public var diffs: [PathDiff]
    /// Labels of the kernels the diff goes from and to (`6.1`, `6.12`); nil means the model's first and second.
    public var oldKernel: String?
    public var newKernel: String?

    public init(page: String, diffs: [PathDiff], oldKernel: String? = nil, newKernel: String? = nil) {
      self.page = page
      self.diffs = diffs
      self.oldKernel = oldKernel
      self.newKernel = newKernel
    }
  }

  public var kernels: [Kernel]
  /// Site-relative path of the annotation drift report, when another stage renders one.
  public var driftReportPage: String?
  /// Site-relative path of a version diff page rendered elsewhere.
  public var versionDiffPage: String?
  /// The version diffs this site renders, one per pair of consecutive kernels (`6.1` → `6.12`), in kernel order.
  public var versionDiffs: [VersionDiff] = []
  /// The first of `versionDiffs`: the only one on a site of two kernels.
  public var versionDiff: VersionDiff? {
    get { versionDiffs.first }
    set { versionDiffs = newValue.map { [$0] } ?? [] }
  }
  /// Each walkthrough's path across the kernels, chained from `versionDiffs` (`withVersionHistory()` fills it).
  public var histories: [PathHistory] = []
  /// The report of `kwalk site --trace`, when a trace was given.
  public var verifyReport: VerifyReport?

  public init(
    kernels: [Kernel], driftReportPage: String? = nil, versionDiffPage: String? = nil, versionDiff: VersionDiff? = nil,
    versionDiffs: [VersionDiff] = []
  ) {
    self.kernels = kernels
    self.driftReportPage = driftReportPage
    self.versionDiffPage = versionDiffPage
    self.versionDiffs = (versionDiff.map { [$0] } ?? []) + versionDiffs
  }
}
