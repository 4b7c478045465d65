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

  /// A stack beside the path: matched frames on one row; path functions the stack skips (inlined) on the right;
  /// frames off the path on the left with their verdict.
  static func beside(_ s: PathCheck.Stack, path: [PathCheck.Step]) -> String {
    var rows: [(String, String)] = [("stack (\(s.event), line \(s.line))", "path")]
    var last: Int?
    for f in s.frames {
      if f.verdict == .onPath, let p = f.position {
        if let l = last, p > l + 1, path[l].leg == path[p].leg {
          for skipped in (l + 1)..<p { rows.append(("", "\(path[skipped].function)  (not in the stack: inlined)")) }
        }
        rows.append((f.name, "= \(path[p].function) (\(path[p].leg))"))
        last = p
      } else {
        let mark = f.verdict == .offPath || f.verdict == .outOfOrder ? "✗ " : ""
        rows.append((f.name, "\(mark)\(f.verdict.rawValue)" + (f.reason.map { ": \($0)" } ?? "")))
      }
    }
    let width = min(40, rows.map(\.0.count).max() ?? 0)
    return "  first inconsistent stack:\n" + rows.map { "    \($0.0.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.1)\n" }.joined()
  }
}
