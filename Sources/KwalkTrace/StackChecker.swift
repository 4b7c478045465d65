import KwalkCore
import KwalkGraph

/// Explains each adjacent caller→callee pair of the recorded stacks through chains of call edges, and the
/// innermost frame through the `trace_*` site the index found in it or in a function inlined into it.
struct StackChecker {
  let verifier: Verifier
  var graph: CallGraph { verifier.graph }

  /// `do_softirq.part.0` → `do_softirq`: the compiler's clones and split parts carry their source function's name.
  static func normalise(_ frame: String) -> String {
    var name = frame
    for marker in [".constprop", ".isra", ".part", ".cold", ".llvm", ".lto_priv"] {
      if let r = name.range(of: marker) { name = String(name[..<r.lowerBound]) }
    }
    return name
  }

  func check(_ trace: RecordedTrace) -> [TraceReport.PairCheck] {
    var counts: [String: Int] = [:]
    var pairs: [(String, String)] = []
    for r in trace.records where !r.stack.isEmpty {
      var frames = r.stack.map(Self.normalise)
      if let f = frames.first, f.hasPrefix("trace_event_raw_event_") || f.hasPrefix("perf_trace_") {
        frames.removeFirst()
      }
      guard let fired = frames.first else { continue }
      var list = [(fired, "trace_" + r.name)]
      for i in 0..<(frames.count - 1) where frames[i + 1] != frames[i] { list.append((frames[i + 1], frames[i])) }
      for p in list {
        let key = p.0 + ">" + p.1
        if counts[key] == nil { pairs.append(p) }
        counts[key, default: 0] += 1
      }
    }
    let names = Array(Set(pairs.flatMap { [$0.0, $0.1] }).filter { !$0.hasPrefix("trace_") }).sorted()
    let defined = Set(names.filter { !(graph.snapshot.functionsByName[$0] ?? []).isEmpty })
    let inTree = verifier.namesInTree(names.filter { !defined.contains($0) })
    let sameSeries = Self.series(verifier.runningKernel) == graph.snapshot.version.series
    var reach: [String: [String: [String]]] = [:]
    var out: [TraceReport.PairCheck] = []
    for (caller, callee) in pairs {
      var c = TraceReport.PairCheck(
        caller: caller, callee: callee, status: .explained, chain: [], reason: "",
        occurrences: counts[caller + ">" + callee] ?? 0)
      if reach[caller] == nil { reach[caller] = reachable(from: caller) }
      let paths = reach[caller] ?? [:]
      if let chain = paths[callee] {
        c.chain = chain
        if callee.hasPrefix("trace_") {
          c.reason = chain.count == 1 ? "fires it itself" : "fires it in \(chain.last ?? ""), inlined through \(chain.dropFirst().joined(separator: ", "))"
        } else {
          c.reason = chain.count <= 2 ? "direct edge" : "through \(chain.dropFirst().dropLast().joined(separator: ", "))"
        }
      } else if let missing = [caller, callee].first(where: { !$0.hasPrefix("trace_") && !defined.contains($0) && !inTree.contains($0) }) {
        c.status = .versionGap
        c.reason = "\(missing) does not exist in the indexed tree"
      } else if let outside = [caller, callee].first(where: { !$0.hasPrefix("trace_") && !defined.contains($0) }) {
        c.status = .outsideIndex
        c.reason = "\(outside) is not defined in the indexed files"
      } else if !unindexedCallees(caller).isEmpty {
        // The caller calls functions whose bodies are not indexed: the chain may run through them.
        c.status = .outsideIndex
        c.reason = "no chain of \(verifier.maxDepth) edges in the indexed files" + unindexedHint(caller)
      } else if !sameSeries {
        c.status = .versionGap
        c.reason = "no chain of \(verifier.maxDepth) edges in \(graph.snapshot.version): the running kernel's code "
          + "differs, or the call is one no index can see (assembly, a stack switch)"
      } else {
        c.status = .disagreement
        c.reason = "no chain of \(verifier.maxDepth) edges joins them in the graph" + unindexedHint(caller)
      }
      out.append(c)
    }
    return out.sorted { ($0.status.rawValue, $0.caller, $0.callee) < ($1.status.rawValue, $1.caller, $1.callee) }
  }

  /// Functions reachable from `name` within the depth limit, each with the chain (caller first); tracepoints a
  /// reached function fires are reachable as `trace_<event>`.
  func reachable(from name: String) -> [String: [String]] {
    var out: [String: [String]] = [:]
    var frontier: [(SymbolID, [String])] = (graph.snapshot.functionsByName[name] ?? []).map { ($0, [name]) }
    var seen = Set(frontier.map(\.0))
    for t in frontier.flatMap({ graph.snapshot.tracepointsByCaller[$0.0] ?? [] }) { out["trace_" + t.event] = [name] }
    for _ in 0..<verifier.maxDepth {
      var next: [(SymbolID, [String])] = []
      for (id, chain) in frontier {
        for e in graph.edges(from: id) where e.kind != .softirq {
          let calleeName = graph.function(e.callee)?.name ?? e.bindings.first?.functionName ?? e.site.target.description
          let path = chain + [calleeName]
          if out[calleeName] == nil { out[calleeName] = path }
          guard graph.function(e.callee) != nil, seen.insert(e.callee).inserted else { continue }
          for t in graph.snapshot.tracepointsByCaller[e.callee] ?? [] where out["trace_" + t.event] == nil {
            out["trace_" + t.event] = path
          }
          next.append((e.callee, path))
        }
      }
      frontier = next
    }
    return out
  }

  /// The functions `caller` calls that the index does not define: a chain may pass through them unseen.
  /// Functions `caller` calls directly whose definitions are not indexed.
  func unindexedCallees(_ caller: String) -> [String] {
    var names: [String] = []
    for id in graph.snapshot.functionsByName[caller] ?? [] {
      for call in graph.snapshot.callsByCaller[id] ?? [] where call.kind == .direct {
        if case .function(let callee, let name) = call.target, graph.function(callee) == nil, !names.contains(name) {
          names.append(name)
        }
      }
    }
    return names
  }

  func unindexedHint(_ caller: String) -> String {
    let names = unindexedCallees(caller)
    guard !names.isEmpty else { return "" }
    return " (or the chain passes through a function outside the indexed files: "
      + names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "") + ")"
  }

  /// `6.18.44-fc-v782` → `6.18`.
  static func series(_ release: String) -> String {
    release.split(separator: ".").prefix(2).map { String($0.prefix { $0.isNumber }) }.joined(separator: ".")
  }
}
