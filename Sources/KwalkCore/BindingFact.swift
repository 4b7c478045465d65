/// How a function came to sit in a struct field.
public enum BindingForm: String, Codable, Sendable, Comparable {
  /// An initializer, designated or positional: `.ndo_start_xmit = loopback_xmit`.
  case initializer
  /// An assignment at run time: `rt->dst.output = ip_output;`.
  case assignment
  /// A call whose parameter the callee stores into the field: `open_softirq(NET_RX_SOFTIRQ, net_rx_action)`.
  case registration
  /// A function passed to a function-typed parameter, on this path: `NF_HOOK(..., ip_rcv_finish)` binds `okfn`.
  case argument

  public static func < (a: BindingForm, b: BindingForm) -> Bool { a.rawValue < b.rawValue }
}

/// A function stored into a struct field, found where the source does it.
public struct BindingFact: Hashable, Codable, Sendable {
  /// The field that receives the function.
  public var field: StructField
  /// The function stored.
  public var function: SymbolID
  /// Its name.
  public var functionName: String
  /// Where the binding is written.
  public var location: SourceLocation
  /// The source line there, trimmed.
  public var text: String
  /// How.
  public var form: BindingForm
  /// The variable initialized (`loopback_ops`) or the registering function (`open_softirq`).
  public var container: String?
  /// For registrations, the enumerators passed alongside (`NET_RX_SOFTIRQ`), which select the slot.
  public var keys: [String]

  public init(
    field: StructField, function: SymbolID, functionName: String, location: SourceLocation, text: String,
    form: BindingForm, container: String?, keys: [String] = []
  ) {
    self.field = field
    self.function = function
    self.functionName = functionName
    self.location = location
    self.text = text
    self.form = form
    self.container = container
    self.keys = keys
  }
}

/// A function that stores one of its parameters into a struct field: `open_softirq` stores `action` into
/// `softirq_action.action`.
public struct ParameterStoreFact: Hashable, Codable, Sendable {
  /// The storing function.
  public var function: SymbolID
  /// Its name.
  public var functionName: String
  /// The parameter's position (0-based).
  public var parameterIndex: Int
  /// The field it lands in.
  public var field: StructField
  /// Where the store is written.
  public var location: SourceLocation

  public init(
    function: SymbolID, functionName: String, parameterIndex: Int, field: StructField, location: SourceLocation
  ) {
    self.function = function
    self.functionName = functionName
    self.parameterIndex = parameterIndex
    self.field = field
    self.location = location
  }
}

/// A `trace_<event>(...)` call.
public struct TracepointSiteFact: Hashable, Codable, Sendable {
  /// The function whose body fires it.
  public var caller: SymbolID
  /// The event (`net_dev_queue`).
  public var event: String
  /// Its trace system (`net`), from the `TRACE_SYSTEM` of the header that declares it.
  public var system: String
  /// Where the call is.
  public var location: SourceLocation

  public init(caller: SymbolID, event: String, system: String, location: SourceLocation) {
    self.caller = caller
    self.event = event
    self.system = system
    self.location = location
  }
}
