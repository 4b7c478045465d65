/// The path section of `kwalk verify`'s report: per walkthrough, its stacks by status, the frames off the path
/// and the unknown ones, and the first inconsistent stack beside the path.
extension ReportText {
  static func paths(_ r: TraceReport) -> String {
    guard !r.walkthroughs.isEmpty || !r.unchecked.isEmpty else { return "" }
    var out = "\n# recorded stacks against each walkthrough's path (caller first)\n"
    for c in r.walkthroughs {
      out += "## \(c.walkthrough): \(c.stacks) stacks: " + PathCheck.StackStatus.allCases.map { "\(c.count($0)) \($0.rawValue)" }
        .joined(separator: ", ") + "\n"
      for (name, n) in c.offPathFrames.sorted(by: { $0.key < $1.key }) { out += "  off the path: \(name) ×\(n)\n" }
      for (name, why) in c.unknownFrames.sorted(by: { $0.key < $1.key }) { out += "  unknown: \(name) (\(why))\n" }
      if let s = c.firstInconsistent { out += beside(s, path: c.path) }
    }
    for u in r.unchecked { out += "## not checked: \(u)\n" }
    return out
  }

  /// A stack beside the path (`PathCheck.beside`), in two padded columns.
  static func beside(_ s: PathCheck.Stack, path: [PathCheck.Step]) -> String {
    let rows = [("stack (\(s.event), line \(s.line))", "path")] + PathCheck.beside(s, path: path).map { ($0.frame, $0.path) }
    let width = min(40, rows.map(\.0.count).max() ?? 0)
    return "  first inconsistent stack:\n" + rows.map { "    \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)\n" }.joined()
  }
}
