import KwalkCore
import KwalkIndex

/// Names counters as a user sees them, from the index: a MIB enumerator through the `SNMP_MIB_ITEM` tables, the
/// function that prints each table under a heading, and the `/proc` file whose show function reaches that printer;
/// a struct field through the `seq_printf` that prints it as a column of a `/proc` file.
public struct CounterNames: Sendable {
  /// Enumerator → (file, heading, name), first table first.
  var mib: [String: (file: String, heading: String, name: String)] = [:]
  /// Field → (file, 1-based column).
  var columns: [StructField: (file: String, column: Int)] = [:]

  public init(snapshot: IndexSnapshot) {
    let o = snapshot.observations.facts
    // Show function name → /proc file.
    var showFiles: [String: String] = [:]
    for p in o.procEntries {
      let file = ObservabilityConventions.procDirectory + "/" + p.name
      if let show = p.show { showFiles[show] = showFiles[show] ?? file }
      if let ops = p.operations {
        for b in snapshot.bindings where b.container == ops && b.field.field == "show" {
          showFiles[b.functionName] = showFiles[b.functionName] ?? file
        }
      }
    }
    // Printer function → file: the show functions and what they call, three calls deep.
    var printerFiles: [String: String] = [:]
    for (show, file) in showFiles.sorted(by: { $0.key < $1.key }) {
      var frontier = snapshot.functions(named: show).map(\.id)
      var seen = Set(frontier)
      for _ in 0..<4 {
        var next: [SymbolID] = []
        for f in frontier {
          let name = snapshot.functions[f]?.name ?? ""
          printerFiles[name] = printerFiles[name] ?? file
          for call in snapshot.callsByCaller[f] ?? [] {
            if case .function(let id, _) = call.target, seen.insert(id).inserted { next.append(id) }
          }
        }
        frontier = next
      }
    }
    var tableLines: [String: (file: String, heading: String)] = [:]
    for p in o.mibPrinters {
      guard let file = printerFiles[p.functionName], tableLines[p.table] == nil else { continue }
      tableLines[p.table] = (file, p.heading)
    }
    for t in o.mibTables {
      guard let line = tableLines[t.table] else { continue }
      for item in t.items where mib[item.constant] == nil { mib[item.constant] = (line.file, line.heading, item.name) }
    }
    for c in o.procColumns {
      guard let file = printerFiles[c.functionName] else { continue }
      for (i, f) in c.columns.enumerated() {
        if let f, columns[f] == nil { columns[f] = (file, i + 1) }
      }
    }
  }

  /// The counter as a user sees it, or nil when no `/proc` file kwalk indexed prints it and it is not a device
  /// statistic.
  func watched(_ c: CounterUpdateFact, function: String) -> WatchedCounter? {
    let at = Hop.Place(file: c.location.path.value, line: c.location.line)
    switch c.counter {
    case .mib(let constant):
      guard let m = mib[constant] else { return nil }
      return WatchedCounter(
        name: "\(m.heading): \(m.name)", file: m.file, key: m.heading, counter: constant, via: c.via,
        function: function, at: at, placement: c.placement)
    case .field(let field):
      if let col = columns[field] {
        let base = col.file.split(separator: "/").last.map(String.init) ?? col.file
        return WatchedCounter(
          name: "\(base) column \(col.column) (\(field.field))", file: col.file, key: String(col.column),
          counter: field.description, via: c.via, function: function, at: at, placement: c.placement)
      }
      guard ObservabilityConventions.isStatisticsStruct(field.structName) else { return nil }
      return WatchedCounter(
        name: field.description, file: "", key: "", counter: field.description, via: c.via, function: function,
        at: at, placement: c.placement)
    }
  }
}
