/// The drift report: every annotation placed in each kernel, with counts per status.
public struct AnnotationReport: Sendable {
  /// One kernel's results.
  public struct Kernel: Sendable {
    /// The kernel's label (`6.1`).
    public var label: String
    /// Its release (`6.1.192`).
    public var version: String
    public var entries: [ResolvedAnnotation]

    public init(label: String, version: String, entries: [ResolvedAnnotation]) {
      self.label = label
      self.version = version
      self.entries = entries
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
    for (i, e) in first.entries.enumerated() where e.annotation.function != nil {
      let missingEverywhere = kernels.allSatisfy { i < $0.entries.count && !$0.entries[i].functionDefined }
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
    }
    for k in kernels {
      let counts = k.counts.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", ")
      out += "\(k.label) (\(k.version)): \(k.entries.count) annotations: \(counts)\n"
    }
    return out
  }
}
