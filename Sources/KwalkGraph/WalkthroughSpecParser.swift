import Foundation
import KwalkCore

/// Reads one `.walk` file line by line for `WalkthroughSpec.parse`. Every error names the file and the line, and
/// whatever it quotes goes through `InputText.quoted`, so that `kwalk: error:` stays one line whatever the file holds.
/// Names are checked here (functions and fields are C identifiers, the walkthrough's name is a file name) because
/// later stages put them into file names, lookups and messages.
struct WalkthroughSpecParser {
  let source: String
  var name = ""
  var title = ""
  var files: [SourcePath] = []
  var legs: [WalkthroughSpec.Leg] = []
  var constraints: [WalkthroughSpec.ContextConstraint] = []
  var scenario = WalkthroughSpec.Scenario()
  /// `""` before the first section, then a leg's name, `context` or `scenario`.
  var section = ""
  /// The leg section (`[send]`, `[receive]`, `[reply]`…) being read.
  var leg: WalkthroughSpec.Leg?
  /// Where each key of the header or of the open leg was written, so that a second one is an error, not a silent
  /// overwrite.
  var keys: [String: Int] = [:]
  /// Where each section was opened.
  var sections: [String: Int] = [:]

  init(source: String) { self.source = source }

  func malformed(_ line: Int, _ reason: String) -> WalkthroughError {
    .malformed(file: InputText.fileName(source), line: line, reason: reason)
  }

  mutating func read(_ raw: String, at n: Int) throws {
    let line = raw.trimmingCharacters(in: .whitespaces)
    if line.isEmpty || line.hasPrefix("#") { return }
    if let c = InputText.firstControl(line) { throw malformed(n, InputText.controlReason(c)) }
    if line.hasPrefix("[") && line.hasSuffix("]") {
      try open(String(line.dropFirst().dropLast()), at: n)
    } else if section == "context" {
      constraints.append(try constraint(line, at: n))
    } else if section == "scenario" {
      try scenarioLine(line, at: n)
    } else {
      guard let colon = line.firstIndex(of: ":") else { throw malformed(n, "expected 'key: value'") }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      try set(key, value, at: n)
    }
  }

  mutating func open(_ name: String, at n: Int) throws {
    try closeLeg()
    guard InputText.isName(name), !name.hasPrefix(".") else {
      throw malformed(n, "unknown section [\(InputText.quoted(name))]: a leg's name ([send], [receive], …), [context] or [scenario]")
    }
    if let first = sections[name] { throw malformed(n, "[\(name)] appears twice (first at line \(first))") }
    sections[name] = n
    section = name
    keys = [:]
    if name != "context" && name != "scenario" {
      leg = WalkthroughSpec.Leg(direction: name, entry: "", waypoints: [], exit: "", line: n)
    }
  }

  mutating func set(_ key: String, _ value: String, at n: Int) throws {
    let known = leg == nil ? ["name", "title", "files"] : ["entry", "exit", "waypoints", "after", "runs"]
    guard known.contains(key) else { throw malformed(n, "unknown key '\(InputText.quoted(key))'") }
    if let first = keys[key] { throw malformed(n, "'\(key)' appears twice (first at line \(first))") }
    keys[key] = n
    switch key {
    case "name":
      guard InputText.isName(value) else {
        throw malformed(n, "the name '\(InputText.quoted(value))' may hold only letters, digits, '_', '.' and '-'")
      }
      name = value
    case "title": title = value
    case "files": files = try list(value).map { try path($0, at: n) }
    // Each value is checked before it is stored: the checks read `self`, which a `leg?.… = try …` is writing.
    case "entry":
      let entry = try function(value, at: n)
      leg?.entry = entry
    case "exit":
      let exit = try function(value, at: n)
      leg?.exit = exit
    case "waypoints":
      let written = try list(value).map { try waypoint($0, at: n) }
      let (names, aliases, optional) = WalkthroughSpec.Leg.waypoints(written)
      leg?.waypoints = names
      leg?.aliases.merge(aliases) { a, _ in a }
      leg?.optional.formUnion(optional)
    case "runs":
      let written = try list(value).map { try waypoint($0, at: n) }
      guard !written.isEmpty else {
        throw malformed(n, "'runs:' lists the functions from the previous leg to this leg's entry")
      }
      // Written like waypoints (`a | b`, `a?`); their other names and optional marks join the leg's.
      let (names, aliases, optional) = WalkthroughSpec.Leg.waypoints(written)
      leg?.runs = names
      leg?.aliases.merge(aliases) { a, _ in a }
      leg?.optional.formUnion(optional)
    default:
      let after = try after(value, at: n)
      leg?.after = after
    }
  }

  /// `family: ipv6`, `inactive: rps, gso`: every term must be one the route finder knows for that key.
  mutating func scenarioLine(_ line: String, at n: Int) throws {
    guard let colon = line.firstIndex(of: ":") else { throw malformed(n, "expected 'key: terms' in [scenario]") }
    let key = line[..<colon].trimmingCharacters(in: .whitespaces)
    guard let aspect = ScenarioTerms.Aspect(rawValue: key) else {
      throw malformed(
        n, "unknown scenario key '\(InputText.quoted(key))': known are "
          + ScenarioTerms.Aspect.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if let first = keys[key] { throw malformed(n, "'\(key)' appears twice (first at line \(first))") }
    keys[key] = n
    for term in list(String(line[line.index(after: colon)...])) {
      guard ScenarioTerms.term(term, aspect: aspect) != nil else {
        throw malformed(
          n, "unknown \(key) '\(InputText.quoted(term))': known are "
            + ScenarioTerms.all.filter { $0.aspect == aspect }.map(\.name).joined(separator: ", "))
      }
      scenario.terms.append(WalkthroughSpec.Scenario.Term(aspect: aspect, name: term, line: n))
    }
  }

  /// `napi_struct.poll = process_backlog: because …`
  func constraint(_ line: String, at n: Int) throws -> WalkthroughSpec.ContextConstraint {
    let form = "a context line reads 'struct.field = function: why'"
    let colon = line.firstIndex(of: ":") ?? line.endIndex
    let because = line[colon...].dropFirst().trimmingCharacters(in: .whitespaces)
    let sides = line[..<colon].split(separator: "=", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard sides.count == 2, let field = StructField(parsing: sides[0]),
      InputText.isIdentifier(field.structName), InputText.isIdentifier(field.field), !sides[1].isEmpty
    else { throw malformed(n, form) }
    return WalkthroughSpec.ContextConstraint(
      field: field, choose: try function(sides[1], at: n), because: because, line: n)
  }

  func function(_ value: String, at n: Int) throws -> String {
    guard InputText.isIdentifier(value) else {
      let found = value.isEmpty ? "a function name is missing" : "'\(InputText.quoted(value))' is not a C function name"
      throw malformed(n, found)
    }
    return value
  }

  /// A waypoint: a function name, or several separated by `|` (the names it had in other versions), optionally
  /// followed by `?` (a kernel may lack it). Each name is checked like any function name.
  func waypoint(_ value: String, at n: Int) throws -> String {
    let body = value.hasSuffix("?") ? String(value.dropLast()) : value
    for name in body.split(separator: "|", omittingEmptySubsequences: false) {
      _ = try function(name.trimmingCharacters(in: .whitespaces), at: n)
    }
    return value
  }

  /// A file the index starts from: a path inside the kernel tree, which the indexer opens under the tree's root.
  func path(_ value: String, at n: Int) throws -> SourcePath {
    guard !value.hasPrefix("/"), !value.split(separator: "/").contains("..") else {
      throw malformed(n, "'\(InputText.quoted(value))' is not a path inside the kernel tree")
    }
    return SourcePath(value)
  }

  /// The leg this one continues: it must come earlier in the file, because the path finder joins legs in order.
  func after(_ value: String, at n: Int) throws -> String {
    guard let leg, value != leg.direction, legs.contains(where: { $0.direction == value }) else {
      throw malformed(n, "'after: \(InputText.quoted(value))' must name a leg's section above this one")
    }
    return value
  }

  func list(_ value: String) -> [String] {
    value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  mutating func closeLeg() throws {
    guard let l = leg else { return }
    guard !l.entry.isEmpty, !l.exit.isEmpty else { throw malformed(l.line, "[\(l.direction)] needs entry and exit") }
    if !l.runs.isEmpty && l.after == nil {
      throw malformed(l.line, "[\(l.direction)] has 'runs:' but no 'after:': runs start on the leg it continues")
    }
    legs.append(l)
    leg = nil
  }

  /// The spec, once every line is read. A file without a name or a leg is reported at line 1: the error is about
  /// the whole file, and line 1 is where an editor opens it.
  mutating func finish() throws -> WalkthroughSpec {
    try closeLeg()
    guard !name.isEmpty else { throw malformed(1, "no 'name:'") }
    guard !legs.isEmpty else { throw malformed(1, "no leg ([send], [receive], …)") }
    return WalkthroughSpec(
      name: name, title: title.isEmpty ? name : title, files: files, legs: legs, constraints: constraints,
      scenario: scenario, source: source)
  }
}
