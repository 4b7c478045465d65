import KwalkCore
import KwalkGraph
import KwalkIndex
import KwalkSimulate

/// Line differences between two sequences, by longest common subsequence.
enum Alignment {
  /// `- x` for lines only in `a`, `+ y` for lines only in `b`, in order.
  static func differences(_ a: [String], _ b: [String]) -> [String] {
    if a == b { return [] }
    var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    var out: [String] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        i += 1
        j += 1
      } else if j < b.count, i == a.count || lcs[i][j + 1] > lcs[i + 1][j] {
        out.append("+ \(b[j])")
        j += 1
      } else {
        out.append("- \(a[i])")
        i += 1
      }
    }
    return out
  }
}
