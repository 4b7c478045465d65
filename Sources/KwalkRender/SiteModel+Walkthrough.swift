import KwalkCore
import KwalkGraph

extension SiteModel {
  /// One walkthrough in one kernel.
  public struct Walkthrough: Sendable {
    public var spec: WalkthroughSpec
    public var legs: [Leg]
    /// Notes about the walkthrough as a whole (annotations with no function).
    public var overview: [AnnotationNote]

    public init(spec: WalkthroughSpec, legs: [Leg], overview: [AnnotationNote] = []) {
      self.spec = spec
      self.legs = legs
      self.overview = overview
    }
  }

  /// One direction of a walkthrough: a page.
  public struct Leg: Sendable {
    public var path: PacketPath
    public var steps: [Step]
    /// Graphviz's SVG of the path (nodes link to `#step-N`), filled in after layout.
    public var graphSVG: String?
    /// Site-relative path of the simulator page for this leg (`SitePaths.simulator`), when the site has it; each
    /// step links to `#hop=<direction>-<step - 1>` there.
    public var simulatorPage: String?
    /// Notes of this walkthrough and direction that fit no step.
    public var unattached: [AnnotationNote]
    /// What the leg's entry function (the first hop's caller) reads, counts and drops, when anything.
    public var entryWatch: HopObservations? = nil

    public init(
      path: PacketPath, steps: [Step], graphSVG: String? = nil, simulatorPage: String? = nil,
      unattached: [AnnotationNote] = []
    ) {
      self.path = path
      self.steps = steps
      self.graphSVG = graphSVG
      self.simulatorPage = simulatorPage
      self.unattached = unattached
    }
  }

  /// One hop with the source a reader needs beside it.
  public struct Step: Sendable {
    public var hop: Hop
    /// Lines around the call.
    public var callSite: Excerpt?
    /// Lines around each binding site, in the hop's order.
    public var bindingSites: [Excerpt]
    /// The macro's `#define`, for macro hops.
    public var macroDefinition: Excerpt?
    /// Annotations anchored at this step.
    public var annotations: [AnnotationNote]
    /// Where each of the hop's other candidates is defined, when the index knows (same order as `hop.candidates`).
    public var candidateDefinitions: [SourceLocation?]
    /// The step's entries on the version diff pages, when the site compares kernels and this hop changed: the diff
    /// from the kernel before this one first, then the diff to the kernel after it.
    public var versionDiffs: [StepDiffLink] = []
    /// The same step in every kernel of the site, oldest first (this kernel's own entry included, marked current),
    /// when the site has two kernels or more.
    public var otherVersions: [StepVersionLink] = []
    /// The first of `versionDiffs`: the only one on a site of two kernels.
    public var versionDiff: StepDiffLink? {
      get { versionDiffs.first }
      set { versionDiffs = newValue.map { [$0] } ?? [] }
    }
    /// What to watch and tune at this step: sysctls read, counters incremented, drop points.
    public var watch: HopObservations? = nil

    public init(
      hop: Hop, callSite: Excerpt?, bindingSites: [Excerpt] = [], macroDefinition: Excerpt? = nil,
      annotations: [AnnotationNote] = [], candidateDefinitions: [SourceLocation?] = []
    ) {
      self.hop = hop
      self.callSite = callSite
      self.bindingSites = bindingSites
      self.macroDefinition = macroDefinition
      self.annotations = annotations
      self.candidateDefinitions = candidateDefinitions
    }
  }
}

/// A few lines of one file, one of them marked.
public struct Excerpt: Hashable, Sendable {
  public var path: SourcePath
  public var lines: ClosedRange<Int>
  /// The line the excerpt is about.
  public var marked: Int

  public init(path: SourcePath, lines: ClosedRange<Int>, marked: Int) {
    self.path = path
    self.lines = lines
    self.marked = marked
  }
}

/// An annotation as a page shows it: Markdown body, how well its anchor held, and where it points.
public struct AnnotationNote: Hashable, Sendable {
  public var id: String
  /// `exact`, `moved`, `changed`, `orphaned` or `ambiguous`.
  public var status: String
  /// Markdown.
  public var body: String
  /// Where the anchor resolved, if it did.
  public var location: SourceLocation?
  /// The annotation file and line.
  public var origin: String

  public init(id: String, status: String, body: String, location: SourceLocation?, origin: String) {
    self.id = id
    self.status = status
    self.body = body
    self.location = location
    self.origin = origin
  }
}
