/// The ICMP echo messages `kwalk trace` sends and waits for (RFC 792), and the raw-socket option that filters them
/// (`include/uapi/linux/icmp.h`: `ICMP_FILTER` at `SOL_RAW`), which Glibc's module does not export.
enum ICMPMessage {
  static let echoReply = 0
  static let echoRequest = 8
  static let solRaw: Int32 = 255
  static let icmpFilter: Int32 = 1

  /// Type 8, code 0, checksum, identifier, sequence number, then `payload` bytes.
  static func echoRequest(id: UInt16, sequence: UInt16, payload: Int) -> [UInt8] {
    var m: [UInt8] = [UInt8(echoRequest), 0, 0, 0, UInt8(id >> 8), UInt8(id & 0xff), UInt8(sequence >> 8),
      UInt8(sequence & 0xff)]
    m += [UInt8](repeating: UInt8(ascii: "k"), count: payload)
    let sum = checksum(m)
    m[2] = UInt8(sum >> 8)
    m[3] = UInt8(sum & 0xff)
    return m
  }

  /// Whether a packet read from a raw socket (IPv4 header first) is an echo reply with this identifier.
  static func isEchoReply(_ packet: [UInt8], id: UInt16) -> Bool {
    guard let first = packet.first else { return false }
    let ihl = Int(first & 0x0f) * 4
    guard packet.count >= ihl + 8 else { return false }
    return packet[ihl] == UInt8(echoReply) && UInt16(packet[ihl + 4]) << 8 | UInt16(packet[ihl + 5]) == id
  }

  /// The Internet checksum: the ones' complement of the ones' complement sum of 16-bit words.
  static func checksum(_ bytes: [UInt8]) -> UInt16 {
    var sum: UInt32 = 0
    var i = 0
    while i + 1 < bytes.count {
      sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
      i += 2
    }
    if i < bytes.count { sum += UInt32(bytes[i]) << 8 }
    while sum >> 16 != 0 { sum = (sum & 0xffff) + (sum >> 16) }
    return ~UInt16(sum)
  }
}
