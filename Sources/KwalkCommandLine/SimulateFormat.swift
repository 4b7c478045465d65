import ArgumentParser
import Foundation
import KwalkGraph
import KwalkKernel
import KwalkRender
import KwalkSimulate

/// Output formats of `kwalk simulate`.
enum SimulateFormat: String, ExpressibleByArgument, CaseIterable {
  /// The layout of /sys/kernel/tracing/trace.
  case ftrace
  /// The whole simulation with sorted keys.
  case json
  /// Chrome JSON trace events for Perfetto.
  case perfetto
}
