import KwalkCore
import KwalkGraph
import KwalkKernel
import KwalkRender
import KwalkSimulate

extension Workspace {
  /// A small site around one simulation (`kwalk simulate --html`): home, the walkthrough's pages without source
  /// excerpts, and its simulator page.
  func simulationSite(spec: WalkthroughSpec, paths: [PacketPath], trace: SimTrace) throws -> SiteModel {
    let simulation = SiteModel.Simulation(page: SitePaths.simulator(kernel: tree.label, name: spec.name), trace: trace)
    let builder = SiteModelBuilder(functions: [:])
    let legs = paths.map { p -> SiteModel.Leg in
      var leg = builder.leg(p, sources: [:])
      leg.simulatorPage = simulation.page
      return leg
    }
    var kernel = emptySiteKernel()
    kernel.walkthroughs = [SiteModel.Walkthrough(spec: spec, legs: legs)]
    kernel.simulations = [simulation]
    return try SiteModel(kernels: [kernel]).withGraphs(Graphviz.svg)
  }

  /// This kernel's facts for a page, without walkthroughs or sources.
  func emptySiteKernel() -> SiteModel.Kernel {
    SiteModel.Kernel(
      label: tree.label, version: tree.version.description, debianPackage: tree.debianPackageVersion,
      config: tree.configOrigin, walkthroughs: [])
  }
}
