import KwalkCore
import KwalkIndex
import Synchronization

/// The call graph of the indexed files: every call site resolved to the functions it can reach.
///
/// Pointer calls through a field reach every function bound to that field; calls through a function-typed
/// parameter reach what the caller passed (resolved per path by `PathFinder`, here: everything ever passed);
/// raising a softirq reaches the handler registered for that vector.
public struct CallGraph: Sendable {
  public let snapshot: IndexSnapshot
  /// Functions passed, by callee and argument position, for parameter calls out of context.
  let passed: [SymbolID: [Int: [BindingFact]]]
  /// Edges already worked out, by caller, for callers whose edges do not depend on the path (see `edges`).
  let memo = EdgeMemo()

  public init(snapshot: IndexSnapshot) {
    self.snapshot = snapshot
    var passed: [SymbolID: [Int: [BindingFact]]] = [:]
    for calls in snapshot.callsByCaller.values {
      for call in calls {
        guard case .function(let callee, let calleeName) = call.target else { continue }
        for (i, a) in call.arguments.enumerated() {
          guard case .function(let fn, let name) = a else { continue }
          passed[callee, default: [:]][i, default: []].append(
            BindingFact(
              field: StructField(structName: calleeName, field: "parameter \(i)"), function: fn, functionName: name,
              location: call.location, text: call.expression, form: .argument, container: calleeName))
        }
      }
    }
    self.passed = passed
  }

  /// The function with that identity.
  public func function(_ id: SymbolID) -> FunctionFact? { snapshot.functions[id] }

  /// Names a function for messages.
  public func name(_ id: SymbolID) -> String { snapshot.functions[id]?.name ?? id.usr }

  /// Identity of a function by name (the extern one first), among indexed definitions.
  public func resolve(name: String) -> SymbolID? { snapshot.functions(named: name).first?.id }

  /// The edges out of `caller`, in source order. `arguments` holds what the caller's own function-typed
  /// parameters are bound to on the current path.
  public func edges(from caller: SymbolID, arguments: [Int: BindingFact] = [:]) -> [CallEdge] {
    let calls = snapshot.callsByCaller[caller] ?? []
    // Only calls through the caller's own function-typed parameters depend on the path: every search of every leg
    // asks for the same callers again, so the other edges are worked out once.
    let dependsOnPath = !arguments.isEmpty && calls.contains { if case .parameter = $0.target { true } else { false } }
    if !dependsOnPath, let known = memo.edges.withLock({ $0[caller] }) { return known }
    let out = edges(from: caller, calls: calls, arguments: arguments)
    if !dependsOnPath { memo.edges.withLock { $0[caller] = out } }
    return out
  }

  func edges(from caller: SymbolID, calls: [CallSiteFact], arguments: [Int: BindingFact]) -> [CallEdge] {
    var out: [CallEdge] = []
    var seen: Set<String> = []
    func add(_ e: CallEdge) {
      let key = "\(e.site.location)|\(e.callee.usr)"
      guard seen.insert(key).inserted else { return }
      out.append(e)
    }
    // Sibling calls of one macro invocation (INDIRECT_CALL's listed functions and its pointer fallback).
    let macroGroups = Dictionary(grouping: calls.filter { $0.kind == .macro }, by: { $0.location })
    // Named functions first, so an INDIRECT_CALL candidate is reached as such, not through its pointer fallback.
    let ordered = calls.filter { !$0.target.isPointer } + calls.filter { $0.target.isPointer }
    for call in ordered {
      switch call.target {
      case .function(let callee, let calleeName):
        if let softirq = softirqEdges(call: call, callerID: caller, raiseName: calleeName) {
          softirq.forEach(add)
        }
        var field: StructField?
        var bindings: [BindingFact] = []
        var candidates: [String] = []
        if call.kind == .macro, let siblings = macroGroups[call.location] {
          candidates = siblings.compactMap { s -> String? in
            if case .function(_, let n) = s.target, n != calleeName { return n }
            return nil
          }
          if let pointer = siblings.first(where: { $0.throughPointer }), case .field(let f) = pointer.target {
            field = f
            let bound = snapshot.bindingsByField[f] ?? []
            bindings = bound.filter { $0.function == callee || $0.functionName == calleeName }
            candidates += bound.map(\.functionName).filter { $0 != calleeName }
          }
        }
        add(
          CallEdge(
            caller: caller, callee: callee, kind: EdgeKind(rawValue: call.kind.rawValue) ?? .direct, site: call,
            field: field, bindings: bindings, candidates: Self.unique(candidates)))
      case .field(let f):
        let bound = snapshot.bindingsByField[f] ?? []
        let names = Self.unique(bound.map(\.functionName))
        for group in Dictionary(grouping: bound, by: \.function).sorted(by: { $0.key < $1.key }) {
          let callee = group.key
          let calleeName = group.value[0].functionName
          add(
            CallEdge(
              caller: caller, callee: resolveBound(callee, name: calleeName), kind: call.kind == .macro ? .macro : .pointer,
              site: call, field: f, bindings: group.value, candidates: names.filter { $0 != calleeName }))
        }
      case .parameter(let index, _):
        let options = arguments[index].map { [$0] } ?? (passed[caller]?[index] ?? [])
        let names = Self.unique(options.map(\.functionName))
        for b in options {
          add(
            CallEdge(
              caller: caller, callee: resolveBound(b.function, name: b.functionName), kind: .pointer, site: call,
              field: nil, bindings: [b], candidates: names.filter { $0 != b.functionName }))
        }
      case .variable:
        continue
      }
    }
    return out
  }

  /// A static function's USR names its file; a binding seen from another unit may carry the same USR. Falls back
  /// to the name when the USR is not indexed.
  public func resolveBound(_ id: SymbolID, name: String) -> SymbolID {
    if snapshot.functions[id] != nil { return id }
    return resolve(name: name) ?? id
  }

  /// `__raise_softirq_irqoff(NET_RX_SOFTIRQ)` reaches the handler that `open_softirq` registered for that vector:
  /// a registration binding whose keys hold the same enumerator. Raising is recognised by the kernel's API name.
  func softirqEdges(call: CallSiteFact, callerID: SymbolID, raiseName: String) -> [CallEdge]? {
    guard raiseName.contains("raise_softirq") else { return nil }
    let vectors = call.arguments.compactMap { a -> String? in
      if case .enumConstant(let e) = a, e.hasSuffix("_SOFTIRQ") { return e }
      return nil
    }
    guard let vector = vectors.first else { return nil }
    let handlers = snapshot.bindings.filter { $0.form == .registration && $0.keys.contains(vector) }
    return handlers.map { b in
      CallEdge(
        caller: callerID, callee: resolveBound(b.function, name: b.functionName), kind: .softirq, site: call,
        field: b.field, bindings: [b], candidates: [])
    }
  }

  /// The edges into each function, worked out once for the whole index (the route finder's cost-to-go search runs
  /// backwards from a stop). Parameter calls reach everything ever passed, as out of context.
  public func edgesInto(_ callee: SymbolID) -> [CallEdge] {
    if let known = memo.reverse.withLock({ $0 }) { return known[callee] ?? [] }
    var reverse: [SymbolID: [CallEdge]] = [:]
    for caller in snapshot.callsByCaller.keys.sorted() {
      for e in edges(from: caller) { reverse[e.callee, default: []].append(e) }
    }
    memo.reverse.withLock { $0 = reverse }
    return reverse[callee] ?? []
  }

  static func unique(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0).inserted }.sorted()
  }
}

/// The edges `CallGraph` has worked out, shared by copies of the graph and by threads.
final class EdgeMemo: Sendable {
  let edges = Mutex<[SymbolID: [CallEdge]]>([:])
  let reverse = Mutex<[SymbolID: [CallEdge]]?>(nil)
}
