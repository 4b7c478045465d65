import KwalkCore
import KwalkStore

/// Everything the index knows about one kernel, with lookups the later stages need. Built from the store; never
/// touches libclang.
public struct IndexSnapshot: Sendable {
  /// The kernel release.
  public var version: KernelVersion
  /// Function definitions by identity.
  public var functions: [SymbolID: FunctionFact]
  /// Identities by name (static functions can share a name).
  public var functionsByName: [String: [SymbolID]]
  /// Calls by calling function, in source order.
  public var callsByCaller: [SymbolID: [CallSiteFact]]
  /// Bindings by field: initializers, assignments and registrations (derived from parameter stores).
  public var bindingsByField: [StructField: [BindingFact]]
  /// Functions that store a parameter into a field, including through forwarding wrappers.
  public var parameterStores: [ParameterStoreFact]
  /// Tracepoints by firing function, in source order.
  public var tracepointsByCaller: [SymbolID: [TracepointSiteFact]]
  /// Indexed translation units.
  public var units: [SourcePath: StoredUnit]
  /// Sysctls, counters, `/proc` files and drop points, with lookups.
  public var observations: ObservabilityIndex

  /// All bindings, sorted.
  public var bindings: [BindingFact] { bindingsByField.keys.sorted().flatMap { bindingsByField[$0] ?? [] } }

  /// The definitions named `name`, extern first.
  public func functions(named name: String) -> [FunctionFact] {
    (functionsByName[name] ?? []).compactMap { functions[$0] }.sorted { a, b in
      (a.isStatic ? 1 : 0, a.location) < (b.isStatic ? 1 : 0, b.location)
    }
  }

  public init(version: KernelVersion, facts: StoredFacts, units: [SourcePath: StoredUnit]) {
    self.version = version
    self.units = units
    observations = ObservabilityIndex(facts.observability)
    var functions: [SymbolID: FunctionFact] = [:]
    var byName: [String: [SymbolID]] = [:]
    for f in facts.functions where functions[f.id] == nil {
      functions[f.id] = f
      byName[f.name, default: []].append(f.id)
    }
    self.functions = functions
    functionsByName = byName
    var calls: [SymbolID: [CallSiteFact]] = [:]
    for c in facts.callSites { calls[c.caller, default: []].append(c) }
    for k in calls.keys { calls[k]?.sort { $0.location < $1.location } }
    callsByCaller = calls
    var traces: [SymbolID: [TracepointSiteFact]] = [:]
    for t in facts.tracepoints { traces[t.caller, default: []].append(t) }
    tracepointsByCaller = traces

    let stores = Self.forwardedStores(facts.parameterStores, calls: facts.callSites)
    parameterStores = stores
    var byField: [StructField: [BindingFact]] = [:]
    for b in facts.bindings + Self.registrations(stores: stores, calls: facts.callSites) {
      byField[b.field, default: []].append(b)
    }
    for k in byField.keys { byField[k]?.sort { ($0.location, $0.functionName) < ($1.location, $1.functionName) } }
    bindingsByField = byField
  }

  /// Adds the stores that wrappers make by passing their own parameter on (`netif_napi_add` → `netif_napi_add_weight`).
  static func forwardedStores(_ base: [ParameterStoreFact], calls: [CallSiteFact]) -> [ParameterStoreFact] {
    var all = Set(base)
    var changed = true
    var rounds = 0
    while changed && rounds < 6 {
      changed = false
      rounds += 1
      let byFunction = Dictionary(grouping: all, by: \.function)
      for call in calls {
        guard case .function(let callee, _) = call.target, let stores = byFunction[callee] else { continue }
        for store in stores where store.parameterIndex < call.arguments.count {
          guard case .parameter(let i) = call.arguments[store.parameterIndex] else { continue }
          let derived = ParameterStoreFact(
            function: call.caller, functionName: "", parameterIndex: i, field: store.field, location: store.location)
          if !all.contains(where: { $0.function == derived.function && $0.parameterIndex == i && $0.field == store.field }) {
            all.insert(derived)
            changed = true
          }
        }
      }
    }
    return all.sorted { ($0.location, $0.function, $0.parameterIndex) < ($1.location, $1.function, $1.parameterIndex) }
  }

  /// A call that passes a function where the callee stores that parameter into a field binds the function there.
  static func registrations(stores: [ParameterStoreFact], calls: [CallSiteFact]) -> [BindingFact] {
    let byFunction = Dictionary(grouping: stores, by: \.function)
    var out: [BindingFact] = []
    for call in calls {
      guard case .function(let callee, let calleeName) = call.target, let stores = byFunction[callee] else {
        continue
      }
      let keys = call.arguments.compactMap { a -> String? in
        if case .enumConstant(let e) = a { return e }
        return nil
      }
      for store in stores where store.parameterIndex < call.arguments.count {
        guard case .function(let fn, let name) = call.arguments[store.parameterIndex] else { continue }
        out.append(
          BindingFact(
            field: store.field, function: fn, functionName: name, location: call.location, text: call.expression,
            form: .registration, container: calleeName, keys: keys))
      }
    }
    return Array(Set(out))
  }
}
