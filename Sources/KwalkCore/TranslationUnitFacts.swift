/// Everything kwalk learns from parsing one translation unit.
public struct TranslationUnitFacts: Hashable, Codable, Sendable {
  /// The `.c` file.
  public var file: SourcePath
  /// Function definitions with bodies: the file's own and the header inline functions it calls.
  public var functions: [FunctionFact]
  /// Calls in those bodies.
  public var callSites: [CallSiteFact]
  /// Functions stored into fields.
  public var bindings: [BindingFact]
  /// Parameters stored into fields.
  public var parameterStores: [ParameterStoreFact]
  /// `trace_*` calls.
  public var tracepoints: [TracepointSiteFact]
  /// Parse diagnostics.
  public var diagnostics: ParseDiagnostics
  /// Sysctls, counters, `/proc` files and drop points.
  public var observability = ObservabilityFacts()

  public init(
    file: SourcePath, functions: [FunctionFact] = [], callSites: [CallSiteFact] = [], bindings: [BindingFact] = [],
    parameterStores: [ParameterStoreFact] = [], tracepoints: [TracepointSiteFact] = [],
    diagnostics: ParseDiagnostics = ParseDiagnostics()
  ) {
    self.file = file
    self.functions = functions
    self.callSites = callSites
    self.bindings = bindings
    self.parameterStores = parameterStores
    self.tracepoints = tracepoints
    self.diagnostics = diagnostics
  }
}

/// Counts of a parse's diagnostics by severity and the first errors verbatim.
public struct ParseDiagnostics: Hashable, Codable, Sendable {
  /// Warnings.
  public var warnings: Int
  /// Errors and fatal errors.
  public var errors: Int
  /// The first few errors as libclang formats them.
  public var firstErrors: [String]

  public init(warnings: Int = 0, errors: Int = 0, firstErrors: [String] = []) {
    self.warnings = warnings
    self.errors = errors
    self.firstErrors = firstErrors
  }
}
