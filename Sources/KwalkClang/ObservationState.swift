import CClang
import KwalkCore

/// The monitoring and tuning facts of one function body while it is walked, kept with their byte offsets until the
/// body's layout (`BodyLayout`) places them on the main line, in a branch or on an exit.
final class ObservationState {
  /// A fact waiting for its placement.
  enum Pending {
    case read(DataTarget, SourceLocation)
    case counter(CounterRef, via: String, SourceLocation)
    case drop(DropFact.Kind, callee: String?, reason: String?, SourceLocation)
    case helper(SymbolID, SourceLocation)
  }

  /// The body's top-level statements.
  let layout: BodyLayout
  var pending: [(offset: Int?, fact: Pending)] = []
  /// Local variables that hold a sysctl table (`tbl = netns_core_table`), by USR.
  var localTables: [String: String] = [:]
  /// The last `/proc` heading literal seen (`"\nTcp:"` → `Tcp`).
  var lastHeading: String?
  /// MIB tables whose names this function printed already.
  var printedTables: Set<String> = []

  init(layout: BodyLayout) { self.layout = layout }

  /// The offsets of the drop calls, which make the segment they end an exit.
  var dropOffsets: [Int] {
    pending.compactMap { p -> Int? in
      if case .drop(.call, _, _, _) = p.fact { return p.offset }
      return nil
    }
  }
}
