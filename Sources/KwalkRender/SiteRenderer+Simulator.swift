extension SiteRenderer {
  /// The simulator pages of every kernel, their script, and the verify report page and its Markdown when the model
  /// has one.
  static func simulatorFiles(_ model: SiteModel) -> [RenderedFile] {
    var files: [RenderedFile] = []
    for k in model.kernels {
      for s in k.simulations {
        files.append(RenderedFile(s.page, SimulatorPage(kernel: k, simulation: s).render()))
      }
    }
    if !files.isEmpty { files.append(RenderedFile(SitePaths.simulatorScript, SimulatorAssets.script)) }
    if let v = model.verifyReport {
      files.append(
        RenderedFile(v.page, VerifyReportPage.render(v, kernel: model.kernels.first { $0.label == v.kernelLabel })))
      files.append(RenderedFile(SitePaths.verifyMarkdown(kernel: v.kernelLabel), VerifyReportMarkdown.render(v.report)))
      if !v.report.counters.isEmpty {
        files.append(
          RenderedFile(SitePaths.verifyCountersMarkdown(kernel: v.kernelLabel), VerifyCountersMarkdown.render(v.report)))
      }
    }
    return files
  }
}
