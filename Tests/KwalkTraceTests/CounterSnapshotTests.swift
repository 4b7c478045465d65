import Foundation
import KwalkTestSupport
import Testing

@testable import KwalkTrace

/// Counter files as `/proc/net` prints them, parsed and compared; their `# kwalk counters` lines in a trace.
@Suite struct CounterSnapshotTests {
  let snmp = """
    Ip: Forwarding DefaultTTL InReceives OutRequests
    Ip: 2 64 53871 43544
    Tcp: RtoAlgorithm MaxConn InSegs
    Tcp: 1 -1 900
    Udp: InDatagrams
    Udp: 4

    """

  @Test func headedLinesPairNamesWithValues() throws {
    let s = try CounterSnapshot(texts: ["/proc/net/snmp": snmp])
    #expect(s.values["Ip: InReceives"] == 53871 && s.values["Ip: OutRequests"] == 43544)
    #expect(s.values["Tcp: MaxConn"] == -1 && s.values["Tcp: InSegs"] == 900 && s.values["Udp: InDatagrams"] == 4)
    #expect(s.values.count == 8)
  }

  @Test func snmp6LinesAreNameValuePairs() throws {
    let s = try CounterSnapshot(texts: [
      "/proc/net/snmp6": "Ip6InReceives                   \t337\nUdp6NoPorts                     \t0\n",
      "/proc/net/snmp": snmp,
    ])
    #expect(s.values["Ip6InReceives"] == 337 && s.values["Udp6NoPorts"] == 0 && s.values["Ip: InReceives"] == 53871)
    #expect(throws: TraceError.counters("/proc/net/snmp6", "the line Ip6InReceives 1 2 is not a name and a number")) {
      try CounterSnapshot(texts: ["/proc/net/snmp6": "Ip6InReceives 1 2\n"])
    }
    #expect(CounterChecker.file(ofKey: "Ip6InReceives") == "/proc/net/snmp6")
    #expect(CounterChecker.file(ofKey: "TcpExt: TCPHPAcks") == "/proc/net/netstat")
  }

  @Test func snmp6ReadsBackFromATraceBesideTheOtherFiles() throws {
    let six = "Ip6InReceives                   \t4\n"
    let window = CounterWindow(
      walkthrough: "udp-ipv6", before: ["/proc/net/snmp": snmp, "/proc/net/snmp6": six],
      after: ["/proc/net/snmp": snmp, "/proc/net/snmp6": six.replacingOccurrences(of: "4", with: "6")])
    let text = try String(contentsOfFile: Fixtures.root + "/traces/" + "journey-consistent.trace", encoding: .utf8)
    let recorded = try TraceParser.parse(text + window.lines, source: "t")
    #expect(try recorded.counters.first?.moved() == ["Ip6InReceives": 2])
    #expect(window.lines.contains("# kwalk counters udp-ipv6 after /proc/net/snmp6 | Ip6InReceives"))
  }

  @Test func softnetColumnsAreHexSummedOverCPUs() throws {
    let s = try CounterSnapshot(texts: ["/proc/net/softnet_stat": "000016e5 00000001\n0000bd24 0000000a\n"])
    #expect(s.values[CounterSnapshot.columnName(1)] == Int64(0x16e5 + 0xbd24))
    #expect(s.values["softnet_stat column 2"] == 11)
  }

  @Test func movedLeavesOutWhatStayedOrIsMissing() throws {
    let before = try CounterSnapshot(texts: ["/proc/net/snmp": snmp])
    let after = try CounterSnapshot(
      texts: ["/proc/net/snmp": snmp.replacingOccurrences(of: "Tcp: 1 -1 900", with: "Tcp: 1 -1 908")
        .replacingOccurrences(of: "Udp: InDatagrams\nUdp: 4\n", with: "")])
    #expect(after.moved(since: before) == ["Tcp: InSegs": 8])
  }

  @Test func namesAndValuesThatDoNotLineUpAreAnError() {
    #expect(throws: TraceError.counters("/proc/net/netstat", "the TcpExt line has 1 values for 2 names")) {
      try CounterSnapshot(texts: ["/proc/net/netstat": "TcpExt: A B\nTcpExt: 1\n"])
    }
    #expect(throws: TraceError.counters("/proc/net/softnet_stat", "column 2 holds zz, not a hex number")) {
      try CounterSnapshot(texts: ["/proc/net/softnet_stat": "00000001 zz\n"])
    }
  }

  @Test func windowLinesReadBackFromATrace() throws {
    let window = CounterWindow(
      walkthrough: "udp-ipv4", before: ["/proc/net/snmp": snmp, "/proc/net/softnet_stat": "00000001\n"],
      after: ["/proc/net/snmp": snmp.replacingOccurrences(of: "Udp: 4", with: "Udp: 5"),
        "/proc/net/softnet_stat": "00000003\n"])
    let text = try String(contentsOfFile: Fixtures.root + "/traces/" + "journey-consistent.trace", encoding: .utf8)
    let recorded = try TraceParser.parse(text + window.lines, source: "t")
    #expect(recorded.counters.count == 1)
    #expect(try recorded.counters.first?.moved() == ["Udp: InDatagrams": 1, "softnet_stat column 1": 2])
    // The lines keep every line of each file, files in a fixed order.
    let first = "# kwalk counters udp-ipv4 before /proc/net/snmp | Ip: Forwarding DefaultTTL InReceives OutRequests"
    #expect(window.lines.split(separator: "\n").first.map(String.init) == first)
    #expect(window.lines.split(separator: "\n").count == 14)
  }

  @Test func oldTracesHaveNoCounters() throws {
    for name in ["tcp-ipv4-stacks.trace", "journey-consistent.trace", "loopback-nostacks.trace"] {
      let text = try String(contentsOfFile: Fixtures.root + "/traces/" + name, encoding: .utf8)
      #expect(try TraceParser.parse(text, source: name).counters.isEmpty)
    }
  }
}
