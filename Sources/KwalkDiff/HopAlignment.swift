/// Which hops of the old path correspond to which hops of the new one: identity first (the same callee name, in
/// order), then, in the gaps between, renames, splits and merges by position and body similarity.
public struct HopAlignment: Hashable, Sendable {
  /// One aligned position: indices into the old and new hops.
  public struct Entry: Hashable, Sendable {
    public var relation: HopRelation
    public var old: [Int]
    public var new: [Int]
  }

  public var entries: [Entry]

  /// Bodies at least this similar (Dice coefficient of their lines) count as the same function.
  static let threshold = 0.5

  /// Aligns the hops of `oldPath` and `newPath`; `similarity(old, new)` compares the callees of two hops.
  init(old: [String], new: [String], isRenameCandidate: (Int, Int) -> Bool, similarity: (Int, Int) -> Double,
       absorbs: (_ whole: Int, _ part: Int, _ partIsNew: Bool) -> Bool) {
    var entries: [Entry] = []
    var gapOld: [Int] = []
    var gapNew: [Int] = []
    func closeGap() {
      // Renames: the best-scoring pairs of a removed and an added callee that neither version names otherwise.
      var pairs: [(Double, Int, Int)] = []
      for o in gapOld {
        for n in gapNew where isRenameCandidate(o, n) {
          let s = similarity(o, n)
          if s >= Self.threshold { pairs.append((s, o, n)) }
        }
      }
      pairs.sort { ($0.0, -$0.1, -$0.2) > ($1.0, -$1.1, -$1.2) }
      var renamed: [Int: Int] = [:]
      var usedNew: Set<Int> = []
      for (_, o, n) in pairs where renamed[o] == nil && !usedNew.contains(n) {
        renamed[o] = n
        usedNew.insert(n)
      }
      var items: [Entry] = gapOld.compactMap { o in
        renamed[o].map { Entry(relation: .renamed, old: [o], new: [$0]) }
          ?? Entry(relation: .removed, old: [o], new: [])
      }
      items += gapNew.filter { !usedNew.contains($0) }.map { Entry(relation: .added, old: [], new: [$0]) }
      // Keep path order: by the new index where there is one, else by the old.
      func order(_ e: Entry) -> (Int, Int) { (e.new.first ?? e.old.first ?? 0, e.old.first ?? -1) }
      items.sort { order($0) < order($1) }
      entries += items
      gapOld = []
      gapNew = []
    }
    for op in LineDiff.operations(old, new) {
      switch op {
      case .same(let i, let j):
        closeGap()
        entries.append(Entry(relation: .same, old: [i], new: [j]))
      case .deleted(let i): gapOld.append(i)
      case .inserted(let j): gapNew.append(j)
      }
    }
    closeGap()
    self.entries = Self.foldSplitsAndMerges(entries, absorbs: absorbs)
  }

  /// A hop added right after a kept hop, into a function that took over the kept callee's body, is a split; a
  /// removed hop right after a kept hop whose callee took over the removed one's body is a merge.
  static func foldSplitsAndMerges(_ entries: [Entry], absorbs: (Int, Int, Bool) -> Bool) -> [Entry] {
    var out: [Entry] = []
    for e in entries {
      if var last = out.last, last.relation == .same || last.relation == .renamed,
        last.old.count == 1, last.new.count == 1
      {
        if e.relation == .added, e.new[0] == last.new[0] + 1, absorbs(last.old[0], e.new[0], true) {
          last.relation = .split
          last.new.append(e.new[0])
          out[out.count - 1] = last
          continue
        }
        if e.relation == .removed, e.old[0] == last.old[0] + 1, absorbs(last.new[0], e.old[0], false) {
          last.relation = .merged
          last.old.append(e.old[0])
          out[out.count - 1] = last
          continue
        }
      }
      out.append(e)
    }
    return out
  }
}
