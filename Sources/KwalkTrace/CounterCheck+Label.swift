extension CounterCheck.Status {
  /// The words the reports use: `as predicted`, `not moved`.
  public var label: String {
    switch self {
    case .asPredicted: return "as predicted"
    case .machineWide: return "machine-wide"
    case .computedAmount: return "computed amount"
    case .differs: return "differ"
    case .notMoved: return "not moved"
    case .dropMoved: return "drops moved"
    case .unpredicted: return "unpredicted"
    case .unchecked: return "unchecked"
    }
  }
}
