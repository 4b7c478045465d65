import KwalkCore
import KwalkGraph
import KwalkIndex

/// Puts placed annotations on the steps of a path. A step shows the notes anchored at its call site, in its callee,
/// and in helpers its callee calls directly; each note appears once, at the first step it fits.
public enum AnnotationJoin {
  /// The notes of one path.
  public struct Attachment: Sendable {
    /// Overview notes of the walkthrough (not anchored).
    public var overview: [ResolvedAnnotation]
    /// Per hop, in hop order.
    public var steps: [[ResolvedAnnotation]]
    /// Notes of this walkthrough and direction that fit no step.
    public var unattached: [ResolvedAnnotation]
  }

  /// Attaches the notes of `path`'s walkthrough and direction. With `graph`, notes anchored off the path still find
  /// their step: a helper a path function calls, a function that installs a binding the path uses, or one that
  /// leads into the path (the softirq core before `net_rx_action`).
  public static func attach(_ resolved: [ResolvedAnnotation], to path: PacketPath, graph: CallGraph? = nil) -> Attachment {
    let mine = resolved.filter { $0.annotation.walkthrough == path.walkthrough }
    let overview = mine.filter { $0.annotation.function == nil }
    let context = graph.map { PathContext(path: path, graph: $0) }
    var steps = [[ResolvedAnnotation]](repeating: [], count: path.hops.count)
    var unattached: [ResolvedAnnotation] = []
    for r in mine where r.annotation.function != nil && r.annotation.direction == path.direction {
      guard r.location != nil, let i = step(of: r, in: path, context: context) else {
        unattached.append(r)
        continue
      }
      steps[i].append(r)
    }
    let ordered = steps.map { $0.sorted { ($0.location!, $0.annotation.id) < ($1.location!, $1.annotation.id) } }
    return Attachment(overview: overview, steps: ordered, unattached: unattached)
  }

  static func isAtCallSite(_ r: ResolvedAnnotation, of hop: Hop) -> Bool {
    guard r.annotation.function == hop.caller, let at = r.location, let lines = r.lines else { return false }
    return at.path.value == hop.callsite.file && lines.contains(hop.callsite.line)
  }

  static func isAtBinding(_ r: ResolvedAnnotation, of hop: Hop) -> Bool {
    guard let at = r.location, let lines = r.lines else { return false }
    let quoted = Set(CTokens(r.annotation.quote ?? "").texts)
    return hop.bindings.contains { b in
      (b.file == at.path.value && lines.contains(b.line)) || (b.container.map { quoted.contains($0) } ?? false)
    }
  }

  /// The note sits on another call from the hop's caller to its callee (the path takes the first one).
  static func isAtOtherCall(_ r: ResolvedAnnotation, of hop: Hop, context: PathContext) -> Bool {
    guard r.annotation.function == hop.caller, let at = r.location, let lines = r.lines else { return false }
    return context.directCalls(of: hop.caller).contains { call in
      call.callee == hop.callee && call.site.location.path == at.path && lines.contains(call.site.location.line)
    }
  }

  /// The first step a note fits, by the rules in order: its call site, a binding, its callee, the entry, a helper
  /// called from a path function, a function that reaches the path within a few calls.
  static func step(of r: ResolvedAnnotation, in path: PacketPath, context: PathContext?) -> Int? {
    let hops = path.hops
    if let step = r.annotation.step { return hops.firstIndex { $0.callee == step } }
    if let i = hops.firstIndex(where: { isAtCallSite(r, of: $0) }) { return i }
    if let context, let i = hops.firstIndex(where: { isAtOtherCall(r, of: $0, context: context) }) { return i }
    if let i = hops.firstIndex(where: { isAtBinding(r, of: $0) }) { return i }
    let name = r.annotation.function!
    // A function between a hop's caller and callee (tcp_push between tcp_sendmsg_locked and
    // __tcp_push_pending_frames) explains that hop.
    if let context,
      let i = hops.firstIndex(where: {
        context.directCallees(of: $0.caller).contains(name) && context.directCallees(of: name).contains($0.callee)
      })
    {
      return i
    }
    if let i = hops.firstIndex(where: { $0.callee == name }) { return i }
    if hops.first?.caller == name { return 0 }
    guard let context else { return nil }
    // A helper called from a function on the path, directly or through one more helper (udp_sendmsg →
    // ip_make_skb → __ip_make_skb), joins the step that enters that function.
    for depth in 0..<helperDepth {
      if let position = context.helpers.firstIndex(where: { $0[depth].contains(name) }) { return max(0, position - 1) }
    }
    return context.leadIn(from: name).map { max(0, $0 - 1) }
  }

  /// How far below a path function a helper's note still belongs to that function's step.
  static let helperDepth = 2

  /// How many calls a note's function may be away from the path and still lead into it.
  static let leadInDepth = 4
}
