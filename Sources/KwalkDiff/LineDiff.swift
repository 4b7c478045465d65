/// A longest-common-subsequence diff of two sequences, small and exact (bodies are a few hundred lines).
public enum LineDiff {
  /// One step of an edit script, by index into the old and new sequences.
  public enum Operation: Hashable, Sendable {
    /// Element `old` of the old sequence equals element `new` of the new one.
    case same(Int, Int)
    /// Element of the new sequence only.
    case inserted(Int)
    /// Element of the old sequence only.
    case deleted(Int)
  }

  /// The edit script turning `a` into `b`, deletions before insertions within a change.
  public static func operations<T: Equatable>(_ a: [T], _ b: [T]) -> [Operation] {
    let n = a.count
    let m = b.count
    // lcs[i][j]: length of the LCS of a[i...] and b[j...].
    var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
      }
    }
    var out: [Operation] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n && j < m && a[i] == b[j] {
        out.append(.same(i, j))
        i += 1
        j += 1
      } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.append(.deleted(i))
        i += 1
      } else {
        out.append(.inserted(j))
        j += 1
      }
    }
    return out
  }
}
