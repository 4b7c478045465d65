import KwalkCore

/// The drift report: every annotation placed in each kernel, with counts per status.
public struct AnnotationReport: Sendable {
  /// One kernel's results.
  public struct Kernel: Sendable {
    /// The kernel's label (`6.1`).
    public var label: String
    /// Its release (`6.1.192`).
    public var version: String
    public var entries: [ResolvedAnnotation]
    /// The notes this kernel did not place because their `kernels:` range leaves it out, so a reader sees why a note
    /// is absent here.
    public var skipped: [Annotation]

    public init(label: String, version: String, entries: [ResolvedAnnotation], skipped: [Annotation] = []) {
      self.label = label
      self.version = version
      self.entries = entries
      self.skipped = skipped
    }

    /// The notes of `annotations` whose `kernels:` range leaves out a kernel of `version`, in the order given.
    public static func skipped(_ annotations: [Annotation], version: KernelVersion) -> [Annotation] {
      annotations.filter { !$0.applies(to: version) }
    }

    /// How many annotations have each status, every status listed.
    public var counts: [(AnchorStatus, Int)] {
      AnchorStatus.allCases.map { s in (s, entries.filter { $0.status == s }.count) }
    }
  }

  public var kernels: [Kernel]

  public init(kernels: [Kernel]) { self.kernels = kernels }

  /// True when some annotation is orphaned or ambiguous in some kernel.
  public var hasFailures: Bool { kernels.contains { $0.entries.contains { $0.status.isFailure } } }

  /// Throws for the first anchor whose function no kernel of the report defines and that `record` never placed:
  /// a typo, not drift.
  public func requireKnownFunctions(record: AnchorRecord) throws {
    guard let first = kernels.first else { return }
    for e in first.entries where e.annotation.function != nil {
      // By id: a kernel that skips a note by its `kernels:` range holds fewer entries than another.
      let missingEverywhere = kernels.allSatisfy { k in
        k.entries.first { $0.annotation.id == e.annotation.id }.map { !$0.functionDefined } ?? true
      }
      if missingEverywhere, record.locations[e.annotation.id] == nil {
        throw AnnotationError.unknownFunction(
          e.annotation.function!, file: e.annotation.file, line: e.annotation.line, kernels: kernels.map(\.version))
      }
    }
  }

  /// One line per annotation per kernel, the old and new text of changed anchors, and a summary per kernel.
  public func text() -> String {
    var out = ""
    for k in kernels {
      for e in k.entries {
        let place = e.location.map { "\($0.path):\($0.line)" } ?? "-"
        let status = e.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        out += "\(status) \(k.label) \(e.annotation.id) \(place) (\(e.detail))\n"
        if e.status == .changed {
          out += "    was: \(CTokens(e.annotation.quote ?? "").folded)\n"
          out += "    now: \(e.foundText ?? "")\n"
        }
      }
      for a in k.skipped {
        out += "skipped   \(k.label) \(a.id) \(a.origin) (kernels: \(a.kernels.map(\.description) ?? "")"
        out += " leaves out \(k.version))\n"
      }
    }
    for k in kernels {
      let counts = k.counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
      let skipped = k.skipped.isEmpty ? "" : "; \(k.skipped.count) skipped by their kernels: range"
      out += "\(k.label) (\(k.version)): \(k.entries.count) annotations: \(counts)\(skipped)\n"
    }
    return out
  }
}
