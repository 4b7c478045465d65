import ArgumentParser
import Foundation
import KwalkCore
import KwalkIndex
import KwalkKernel

/// Opens the index of the chosen kernel, indexing first when needed.
func openSnapshot(_ kernel: KernelOptions) throws -> IndexSnapshot {
  let ws = try Workspace(
    source: try kernel.single(), cache: kernel.kwalkCache, annotations: kernel.annotations,
    progress: ProgressReporter())
  return try ws.index().0
}

/// `kwalk symbols NAME`.
struct SymbolsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "symbols", abstract: "Show a function's definition.")
  @OptionGroup var kernel: KernelOptions
  @Option var format: OutputFormat = .text
  @Argument var name: String

  func run() throws {
    try reportingErrors {
      let found = try openSnapshot(kernel).functions(named: name)
      guard !found.isEmpty else { throw ValidationFailure("no indexed function is named \(name)") }
      if format == .json { return try printJSON(found) }
      for f in found {
        let storage = f.isStatic ? (f.isInline ? "static inline" : "static") : "extern"
        print("\(f.location)\t\(storage)\tlines \(f.startLine)-\(f.endLine)\t\(f.signature)")
      }
    }
  }
}

/// `kwalk calls FN`.
struct CallsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "calls", abstract: "List the call sites in a function.")
  @OptionGroup var kernel: KernelOptions
  @Option var format: OutputFormat = .text
  @Argument var function: String

  func run() throws {
    try reportingErrors {
      let snapshot = try openSnapshot(kernel)
      let fns = snapshot.functions(named: function)
      guard !fns.isEmpty else { throw ValidationFailure("no indexed function is named \(function)") }
      let calls = fns.flatMap { snapshot.callsByCaller[$0.id] ?? [] }
      let traces = fns.flatMap { snapshot.tracepointsByCaller[$0.id] ?? [] }
      if format == .json {
        struct Out: Encodable {
          var calls: [CallSiteFact]
          var tracepoints: [TracepointSiteFact]
        }
        return try printJSON(Out(calls: calls, tracepoints: traces))
      }
      for c in calls {
        let macro = c.macro.map { " via \($0.name)" } ?? ""
        let cfg = c.config.isEmpty ? "" : " [\(c.config.joined(separator: ", "))]"
        print("\(c.location)\t\(c.kind.rawValue)\(macro)\t\(c.target)\t\(c.expression)\(cfg)")
      }
      for t in traces { print("\(t.location)\ttracepoint\t\(t.system):\(t.event)") }
    }
  }
}

/// `kwalk bindings 'struct S.f'`.
struct BindingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bindings", abstract: "List the functions bound to a struct field.")
  @OptionGroup var kernel: KernelOptions
  @Option var format: OutputFormat = .text
  @Argument(help: "The field, as 'struct net_device_ops.ndo_start_xmit'.") var field: String

  func run() throws {
    try reportingErrors {
      guard let f = StructField(parsing: field) else {
        throw ValidationFailure("'\(field)' is not a field: write it as 'struct net_device_ops.ndo_start_xmit'")
      }
      let bound = try openSnapshot(kernel).bindingsByField[f] ?? []
      if format == .json { return try printJSON(bound) }
      for b in bound { print("\(b.location)\t\(b.form.rawValue)\t\(b.functionName)\t\(b.text)") }
      if bound.isEmpty { print("no indexed binding of \(f)") }
    }
  }
}
