/// Counts per change kind, for the one summary line of the text report and for JSON consumers.
public struct DiffSummary: Hashable, Codable, Sendable {
  public var added = 0
  public var removed = 0
  public var renamed = 0
  public var split = 0
  public var merged = 0
  public var kindChanged = 0
  public var signatureChanged = 0
  public var bindingChanged = 0
  public var tracepointsChanged = 0
  /// Legs whose printed event sequence differs.
  public var eventSequencesChanged = 0
  /// Positions whose call or whose macro definition is guarded differently.
  public var configChanged = 0
  /// Functions on the path whose body changed (per leg), and how many of those changes touch the path's own calls.
  public var bodiesChanged = 0
  public var bodiesChangedOnPath = 0
  public var annotationDrift = 0

  public init(legs: [LegDiff], annotationDrift: [AnnotationDrift]) {
    for leg in legs {
      for h in leg.hops {
        switch h.relation {
        case .added: added += 1
        case .removed: removed += 1
        case .renamed: renamed += 1
        case .split: split += 1
        case .merged: merged += 1
        case .same: break
        }
        if h.kind != nil { kindChanged += 1 }
        if !h.signatures.isEmpty { signatureChanged += 1 }
        if h.binding != nil { bindingChanged += 1 }
        if h.tracepoints != nil { tracepointsChanged += 1 }
        if h.config != nil || !h.macroConfigs.isEmpty { configChanged += 1 }
      }
      // A function the path enters twice (NF_HOOK) counts once.
      var seen: Set<String> = []
      let bodies = leg.hops.compactMap(\.body) + [leg.entryBody].compactMap { $0 }
      for b in bodies where seen.insert(b.old + " " + b.new).inserted {
        bodiesChanged += 1
        if b.touchesPath { bodiesChangedOnPath += 1 }
      }
      if leg.events.isChanged { eventSequencesChanged += 1 }
    }
    self.annotationDrift = annotationDrift.count
  }

  /// `0 added, 0 removed, 1 renamed, …`: every kind, zeros included, in a fixed order.
  public var line: String {
    [
      "\(added) added", "\(removed) removed", "\(renamed) renamed", "\(split) split", "\(merged) merged",
      "\(kindChanged) kind changed", "\(signatureChanged) signature changed", "\(bindingChanged) binding changed",
      "\(tracepointsChanged) tracepoints changed", "\(eventSequencesChanged) event sequences changed",
      "\(configChanged) config changed", "\(bodiesChanged) bodies changed (\(bodiesChangedOnPath) on the path)",
      "\(annotationDrift) annotations drifted",
    ].joined(separator: ", ")
  }
}
