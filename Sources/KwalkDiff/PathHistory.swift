import KwalkGraph

/// A walkthrough's path across several kernel versions, oldest first: one row per logical hop, one column per
/// version. Rows are chained from the pairwise diffs of consecutive versions (`PathDiffer`), so a renamed, split or
/// merged function stays on its row; each cell says what changed since the column before and which entry of that
/// pairwise diff explains it.
///
/// JSON (`kwalk history --format json`, keys sorted) is this value encoded.
public struct PathHistory: Hashable, Codable, Sendable {
  /// JSON schema version.
  public var schema: Int = 1
  public var walkthrough: String
  /// The releases, one per column (`5.10.223`).
  public var kernels: [String]
  /// The kernels' labels (`5.10`), which name the pairwise diff pages (`diff/5.10-6.1.html`).
  public var labels: [String]
  public var legs: [Leg]

  /// One leg's rows.
  public struct Leg: Hashable, Codable, Sendable {
    public var direction: String
    public var rows: [Row]
  }

  /// One logical hop: a cell per kernel, nil where that kernel's path has no such hop.
  public struct Row: Hashable, Codable, Sendable {
    public var cells: [Cell?]
    /// Each kernel's 0-based index of the hop in its leg (`cells[k]` is hop `hops[k]` of `kwalk path`'s leg in
    /// kernel k): the site links a step to the same step in the other versions through it.
    public var hops: [Int?] = []
  }

  /// One kernel's hop on a row.
  public struct Cell: Hashable, Codable, Sendable {
    public var caller: String
    public var callee: String
    /// `direct`, `inline`, `macro`, `pointer` or `softirq`.
    public var kind: String
    /// The macro or pointer expression.
    public var via: String?
    /// The first binding site's text (`.ndo_start_xmit = loopback_xmit,`), for pointer hops.
    public var binding: String?
    /// `system:event` the callee fires.
    public var tracepoints: [String]
    /// Config guards around the call.
    public var config: [String]
    /// What differs from the previous column: `added`, `renamed`, `split`, `merged`, `kind`, `binding`,
    /// `tracepoints`, `config`, `macro config`, `signature`, `body`; empty in the first column and when nothing changed.
    public var changes: [String]
    /// The entry of the pairwise diff from the previous column that explains `changes`: its anchor on the diff page
    /// (`tcp-ipv4-send-ip_output`, as `DiffPage.anchors` names it), when there is one.
    public var diffAnchor: String?
  }

  /// Builds the history from each kernel's paths (`paths[k]`, the walkthrough's legs) and the diffs between
  /// consecutive kernels (`diffs[k]` goes from kernel k to k + 1).
  public static func build(
    walkthrough: String, kernels: [String], labels: [String], paths: [[PacketPath]], diffs: [PathDiff]
  ) -> PathHistory {
    let directions = paths.first?.map(\.direction) ?? []
    let legs = directions.map { direction -> Leg in
      let hops = paths.map { legs in legs.first { $0.direction == direction }?.hops ?? [] }
      // rows[r][k] = index of kernel k's hop on row r.
      var rows: [[Int?]] = (hops.first ?? []).indices.map { i in [i] + Array(repeating: nil, count: kernels.count - 1) }
      var marks: [Int: [Int: ([String], String?)]] = [:]
      for k in 1..<max(1, kernels.count) {
        guard let leg = diffs[k - 1].legs.first(where: { $0.direction == direction }) else { continue }
        let changed = leg.changedHops
        let anchors = Self.anchors(walkthrough: walkthrough, leg: leg)
        var oldNext = 0
        var newNext = 0
        var lastRow = -1
        for h in leg.hops {
          let olds = Array(oldNext..<oldNext + h.old.count)
          let news = Array(newNext..<newNext + h.new.count)
          oldNext += h.old.count
          newNext += h.new.count
          let entry = h.isChanged ? changed.firstIndex(of: h).map { anchors[$0] } : nil
          var what = Self.changes(h)
          // What to watch and tune changed at the callee (the diff's `watch`, per function).
          if let callee = h.new.last?.callee, leg.watch.contains(where: { $0.function == callee }) { what.append("watch") }
          var anchorRow = olds.compactMap { o in rows.firstIndex { $0[k - 1] == o } }.first
          for (n, newIndex) in news.enumerated() {
            let row: Int
            if let r = anchorRow, n == 0 {
              row = r
            } else {
              row = (anchorRow ?? lastRow) + 1
              rows.insert(Array(repeating: nil, count: kernels.count), at: row)
              marks = Self.shifted(marks, from: row)
              if h.relation == .split { what = ["split"] }
            }
            rows[row][k] = newIndex
            marks[row, default: [:]][k] = (what, entry)
            anchorRow = row
            lastRow = row
          }
          if news.isEmpty, let r = anchorRow { lastRow = r }
        }
      }
      return Leg(
        direction: direction,
        rows: rows.enumerated().map { r, indices in
          Row(
            cells: indices.enumerated().map { k, i in
              i.map { Self.cell(hops[k][$0], mark: marks[r]?[k]) }
            },
            hops: indices)
        })
    }
    return PathHistory(walkthrough: walkthrough, kernels: kernels, labels: labels, legs: legs)
  }

  /// The diff page's anchors of a leg's changed hops: `<walkthrough>-<direction>-<callee>`, `-2`, `-3` … when a
  /// callee comes back (the rule of `DiffPage.anchors`, which the site's diff page uses).
  public static func anchors(walkthrough: String, leg: LegDiff) -> [String] {
    var seen: [String: Int] = [:]
    return leg.changedHops.map { h in
      let base = "\(walkthrough)-\(leg.direction)-\(h.anchorCallee)"
      seen[base, default: 0] += 1
      return seen[base] == 1 ? base : "\(base)-\(seen[base]!)"
    }
  }

  /// The site's pairwise diff page into column `k` (from column `k - 1`).
  public func diffPage(into k: Int) -> String { "diff/\(labels[k - 1])-\(labels[k]).html" }

  static func shifted(_ marks: [Int: [Int: ([String], String?)]], from row: Int) -> [Int: [Int: ([String], String?)]] {
    Dictionary(uniqueKeysWithValues: marks.map { ($0.key >= row ? $0.key + 1 : $0.key, $0.value) })
  }

  /// The kinds of change a pairwise diff reports at one position.
  static func changes(_ h: HopDiff) -> [String] {
    var out: [String] = []
    if h.relation != .same { out.append(h.relation.rawValue) }
    if h.kind != nil { out.append("kind") }
    if h.binding != nil { out.append("binding") }
    if h.tracepoints != nil { out.append("tracepoints") }
    if h.config != nil { out.append("config") }
    if !h.macroConfigs.isEmpty { out.append("macro config") }
    if !h.signatures.isEmpty { out.append("signature") }
    if h.body != nil { out.append("body") }
    return out
  }

  static func cell(_ hop: Hop, mark: ([String], String?)?) -> Cell {
    Cell(
      caller: hop.caller, callee: hop.callee, kind: hop.kind.rawValue, via: hop.via,
      binding: hop.bindings.first.map { $0.text.trimmingCharacters(in: .whitespaces) }, tracepoints: hop.tracepoints,
      config: hop.config, changes: mark?.0 ?? [], diffAnchor: mark?.1)
  }
}
