import Foundation

/// Why a simulation could not run.
public enum SimulateError: Error, CustomStringConvertible, Equatable {
  /// The walkthrough has no scenario (name not `<tcp|udp>-<ipv4|ipv6>` nor `icmp-echo`).
  case unknownScenario(String)
  /// An option outside its range: the option as given, the range.
  case badParameter(String, String)
  /// The walkthrough lacks the send or receive leg.
  case missingLeg(String, walkthrough: String)

  public var description: String {
    switch self {
    case .unknownScenario(let w):
      return "walkthrough \(w) has no simulator scenario: use tcp-ipv4, tcp-ipv6, udp-ipv4, udp-ipv6 or icmp-echo"
    case .badParameter(let p, let range): return "\(p) is out of range: use \(range)"
    case .missingLeg(let d, let w): return "walkthrough \(w) has no \(d) leg: the simulator needs send and receive"
    }
  }
}
