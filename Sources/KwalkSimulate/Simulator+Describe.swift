/// A plain-text listing of the frames and the effects the index gave them, for `kwalk simulate --explain`.
extension Simulator {
  public func explain() -> String {
    var out = ""
    var legs = [(send.direction, sendFrames), (receive.direction, receiveFrames)]
    if let r = reply { legs += [(r.send.direction, replySendFrames), (r.receive.direction, replyReceiveFrames)] }
    for (leg, frames) in legs {
      out += "# \(leg)\n"
      for f in frames {
        out += "  \(f.hop) \(f.function): before [\(f.before.map(Self.text).joined(separator: ", "))]"
        out += " after [\(f.after.map(Self.text).joined(separator: ", "))]\n"
      }
    }
    return out
  }

  static func text(_ e: FrameEffect) -> String {
    switch e {
    case .trace(let t, let f): return "\(t.event)@\(f):\(t.location.line)"
    case .header(let l, let push): return "\(push ? "push" : "pull") \(l.rawValue)"
    case .queue(.enqueue(let q)): return "enqueue \(q)"
    case .queue(.dequeue(let q)): return "dequeue \(q)"
    case .queue(.splice(let a, let b)): return "splice \(a)→\(b)"
    case .bottomHalvesEnabled: return "bh-enable"
    case .socketLocked: return "socket locked"
    case .socketReleased: return "socket released"
    case .ownerCheck: return "socket owner check"
    }
  }
}
