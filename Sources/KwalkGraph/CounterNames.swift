import Foundation
import KwalkCore
import KwalkIndex

/// Names counters as a user sees them, from the index: a MIB enumerator through the `SNMP_MIB_ITEM` tables, the
/// MIB each table is printed for, the function that prints each table under a heading, and the `/proc` file whose
/// show function reaches that printer; a struct field through the `seq_printf` that prints it as a column of a
/// `/proc` file.
///
/// One enumerator is many counters: `IPSTATS_MIB_INPKTS` is `Ip: InReceives` in `net->mib.ip_statistics` and
/// `Ip6InReceives` in `net->mib.ipv6_statistics`. The show functions name the pairing in one call:
/// `snmp_get_cpu_field64_batch(buff64, snmp4_ipstats_list, net->mib.ip_statistics, …)`,
/// `snmp6_seq_show_item64(seq, net->mib.ipv6_statistics, snmp6_ipstats_list, …)`; the increment's macro names its
/// MIB by the convention in `ObservabilityConventions.mibField(ofMacro:)`.
public struct CounterNames: Sendable {
  /// A counter's name and where it is printed.
  struct MibName: Hashable, Sendable {
    var file: String
    /// `Ip`, `TcpExt`; empty for a file of `Name value` lines (`/proc/net/snmp6`).
    var heading: String
    /// The item (`InReceives`, `Ip6InReceives`).
    var name: String
    /// What the user sees: `Ip: InReceives`, `Ip6InReceives`.
    var display: String { heading.isEmpty ? name : "\(heading): \(name)" }
  }

  /// (Enumerator, MIB field of `struct netns_mib`) → name, first table first.
  var mib: [String: [String: MibName]] = [:]
  /// Enumerator → the names of tables printed with no MIB kwalk could read (a printer that names none).
  var unpaired: [String: [MibName]] = [:]
  /// Field → every `/proc` file that prints it, with its 1-based column and the source file of the printer.
  var columns: [StructField: [(file: String, column: Int, printedIn: String)]] = [:]

  public init(snapshot: IndexSnapshot) {
    let o = snapshot.observations.facts
    let printerFiles = Self.printerFiles(snapshot)
    // Heading each table is printed under, where its names are printed.
    var headings: [String: (file: String, heading: String)] = [:]
    for p in o.mibPrinters {
      guard let file = printerFiles[p.functionName], headings[p.table] == nil else { continue }
      headings[p.table] = (file, p.heading)
    }
    // Which MIB each table is printed for, and by which file: a call in a show function (or what it calls) that
    // names the table and `net->mib.<field>`.
    let tableNames = Set(o.mibTables.map(\.table))
    var pairs: [String: [(field: String, file: String)]] = [:]
    for (function, file) in printerFiles.sorted(by: { $0.key < $1.key }) {
      for f in snapshot.functions(named: function) {
        for call in snapshot.callsByCaller[f.id] ?? [] {
          let words = Self.identifiers(call.expression)
          let fields = Self.mibFields(call.expression)
          for t in words where tableNames.contains(t) {
            for field in fields where !(pairs[t] ?? []).contains(where: { $0.field == field }) {
              pairs[t, default: []].append((field, file))
            }
          }
        }
      }
    }
    for t in o.mibTables {
      let heading = headings[t.table]
      guard let paired = pairs[t.table], !paired.isEmpty else {
        guard let heading else { continue }
        for item in t.items {
          unpaired[item.constant, default: []].append(MibName(file: heading.file, heading: heading.heading, name: item.name))
        }
        continue
      }
      for (field, file) in paired {
        // A table printed without a heading of its own is printed as `Name value` lines.
        let h = heading?.file == file ? heading?.heading ?? "" : ""
        for item in t.items where mib[item.constant]?[field] == nil {
          mib[item.constant, default: [:]][field] = MibName(file: file, heading: h, name: item.name)
        }
      }
    }
    for c in o.procColumns {
      guard let file = printerFiles[c.functionName] else { continue }
      // The column a reader counts to, from the format; the value's position when the format does not say.
      let expression = (snapshot.callsByCaller[c.function] ?? []).first { $0.location == c.location }?.expression
      let shown = expression.flatMap(PrintfColumns.columns(ofCall:)).flatMap { $0.count == c.columns.count ? $0 : nil }
      for (i, f) in c.columns.enumerated() {
        guard let f, !(columns[f] ?? []).contains(where: { $0.file == file }) else { continue }
        let column = shown?[i] ?? i + 1
        columns[f, default: []].append((file, column, snapshot.functions[c.function]?.location.path.value ?? ""))
      }
    }
  }

  /// Printer function name → the `/proc` file it prints: the show functions and what they call, three calls deep.
  static func printerFiles(_ snapshot: IndexSnapshot) -> [String: String] {
    var showFiles: [String: String] = [:]
    for p in snapshot.observations.facts.procEntries {
      let file = ObservabilityConventions.procDirectory + "/" + p.name
      if let show = p.show { showFiles[show] = showFiles[show] ?? file }
      if let ops = p.operations {
        for b in snapshot.bindings where b.container == ops && b.field.field == "show" {
          showFiles[b.functionName] = showFiles[b.functionName] ?? file
        }
      }
    }
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
    return printerFiles
  }

  /// The C identifiers of an expression as written.
  static func identifiers(_ expression: String) -> [String] {
    expression.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
  }

  /// The MIB fields an expression reads: `ipv6_statistics` in `net->mib.ipv6_statistics`.
  static func mibFields(_ expression: String) -> [String] {
    let member = NSRegularExpression.escapedPattern(for: ObservabilityConventions.namespaceMibMember)
    guard let re = try? NSRegularExpression(pattern: #"\b"# + member + #"\s*(?:\.|->)\s*([A-Za-z0-9_]+)"#) else {
      return []
    }
    let ns = expression as NSString
    return re.matches(in: expression, range: NSRange(location: 0, length: ns.length)).map {
      ns.substring(with: $0.range(at: 1))
    }
  }

  /// The name of a MIB enumerator updated through `via`: the table printed for the macro's MIB; when the macro
  /// names no MIB kwalk knows (`SNMP_INC_STATS(mib, …)` with a variable), the one name every table gives it, else
  /// nil (the file cannot be told).
  func mibName(_ constant: String, via: String) -> MibName? {
    let byField = mib[constant] ?? [:]
    if let field = ObservabilityConventions.mibField(ofMacro: via) {
      if let m = byField[field] { return m }
      let loose = unpaired[constant] ?? []
      return Set(loose).count == 1 ? loose.first : nil
    }
    let all = Array(byField.values) + (unpaired[constant] ?? [])
    return Set(all).count == 1 ? all.first : nil
  }

  /// Every name the index gives counters, for the checks of what moved.
  var allNames: [MibName] { mib.values.flatMap(\.values) + unpaired.values.flatMap { $0 } }

  /// The counter as a user sees it, or nil when no `/proc` file kwalk indexed prints it and it is not a device
  /// statistic.
  func watched(_ c: CounterUpdateFact, function: String) -> WatchedCounter? {
    let at = Hop.Place(file: c.location.path.value, line: c.location.line)
    switch c.counter {
    case .mib(let constant):
      guard let m = mibName(constant, via: c.via) else { return nil }
      return WatchedCounter(
        name: m.display, file: m.file, key: m.heading, counter: constant, via: c.via,
        function: function, at: at, placement: c.placement)
    case .field(let field):
      if let col = column(of: field, incrementedIn: c.location.path.value) {
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

  /// The column that prints a field: the one file that prints it, or, when several do (`sock.sk_drops` is in
  /// `/proc/net/udp`, `raw`, `icmp`, …), the one whose printer is defined in the file of the increment.
  func column(of field: StructField, incrementedIn file: String) -> (file: String, column: Int)? {
    let all = columns[field] ?? []
    if all.count == 1, let only = all.first { return (only.file, only.column) }
    let same = all.filter { $0.printedIn == file }
    return same.count == 1 ? same.first.map { ($0.file, $0.column) } : nil
  }
}
