import Foundation
import KwalkKernel
import Testing

/// Reading this machine's apt sources, the private source list, and apt-cache's answers.
@Suite struct DebianArchiveTests {
  @Test func archiveFromDeb822AndOneLineSources() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kwalk-apt-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir + "/sources.list.d", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try """
      Types: deb
      URIs: http://mirror.invalid/debian-security
      Suites: bookworm-security
      Components: main
      Signed-By: /k.gpg

      Types: deb
      # a comment
      URIs: http://mirror.invalid/debian
      Suites: bookworm bookworm-updates
      Components: main
      Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
      """.write(toFile: dir + "/sources.list.d/debian.sources", atomically: true, encoding: .utf8)
    try "deb http://other.invalid/apt stable main\n".write(
      toFile: dir + "/sources.list.d/other.list", atomically: true, encoding: .utf8)
    let found = try #require(AptSources.system(root: dir, environment: [:]))
    let keyring = "/usr/share/keyrings/debian-archive-keyring.gpg"
    #expect(found == AptSources(uri: "http://mirror.invalid/debian", signedBy: keyring))
    #expect(found.list() == """
      deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.invalid/debian bullseye main
      deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.invalid/debian bookworm main
      deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.invalid/debian trixie main
      deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.invalid/debian sid main

      """)
    try "# old style\ndeb [arch=amd64 signed-by=/a.gpg] http://old.invalid/debian bullseye main contrib\n".write(
      toFile: dir + "/sources.list", atomically: true, encoding: .utf8)
    let old = AptSources(uri: "http://old.invalid/debian", signedBy: "/a.gpg")
    #expect(AptSources.system(root: dir, environment: [:]) == old)
    #expect(AptSources.system(root: dir + "/nothing", environment: [:]) == nil)
  }
}

/// apt-cache's answers, as `DebianArchive` reads them.
@Suite struct AptCacheOutputTests {
  @Test func candidateAndSuiteFromPolicy() {
    let policy = """
      linux-source-5.10:
        Installed: (none)
        Candidate: 5.10.223-1
        Version table:
           5.10.223-1 500
              500 http://mirror.invalid/debian bullseye/main amd64 Packages
           5.10.218-1 500
              500 http://mirror.invalid/debian bullseye/main amd64 Packages
      linux-source-7.2:
        Installed: (none)
        Candidate: 7.2.13-1
        Version table:
           7.2.13-1 500
              500 http://mirror.invalid/debian sid/main amd64 Packages
      linux-source-9.9:
        Installed: (none)
        Candidate: (none)
        Version table:
      """
    let c = DebianArchive.candidates(policy: policy)
    #expect(c.count == 2)
    #expect(c["linux-source-5.10"]?.0 == "5.10.223-1" && c["linux-source-5.10"]?.1 == "bullseye")
    #expect(c["linux-source-7.2"]?.0 == "7.2.13-1" && c["linux-source-7.2"]?.1 == "sid")
  }

  @Test func seriesOfPackageNames() {
    #expect(DebianArchive.series(of: "linux-source-6.12", prefix: "linux-source-") == "6.12")
    #expect(DebianArchive.series(of: "linux-source-6.12-rt", prefix: "linux-source-") == nil)
    #expect(DebianArchive.series(of: "linux-source", prefix: "linux-source-") == nil)
    #expect(DebianArchive.series(of: "linux-config-6.1", prefix: "linux-source-") == nil)
  }
}
