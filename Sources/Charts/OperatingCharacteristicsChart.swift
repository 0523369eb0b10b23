/// Operating characteristics as grouped bars: one group per dose level, one bar per series
/// (e.g. the probability of selecting each dose as the MTD, and the share of patients treated).
public struct OperatingCharacteristicsChart: Sendable, Hashable {
  /// One series of bars.
  public struct Series: Sendable, Hashable {
    public var name: String
    /// One value per dose level, in [0, 1].
    public var values: [Double]
    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  public var title: String
  public var doseLabels: [String]
  public var series: [Series]
  /// Dose index of the true MTD, outlined, or nil.
  public var trueMTD: Int?
  public var yLabel: String
  public var width: Double = 640
  public var height: Double = 360

  public init(
    title: String, doseLabels: [String], series: [Series], trueMTD: Int? = nil, yLabel: String = "Proportion"
  ) {
    self.title = title
    self.doseLabels = doseLabels
    self.series = series
    self.trueMTD = trueMTD
    self.yLabel = yLabel
  }

  public func svg() -> String { element().render() }

  public func element() -> SVGElement {
    let frame = ChartFrame(width: width, height: height, left: 70, right: 130, top: 40, bottom: 50)
    let y = LinearScale(domain: 0...1, range: (frame.plotBottom, frame.plotTop))
    let groupWidth = (frame.plotRight - frame.plotLeft) / Double(max(doseLabels.count, 1))
    let barWidth = groupWidth * 0.8 / Double(max(series.count, 1))
    var children = [frame.yAxis(y, title: yLabel)]
    var axis = [frame.line(frame.plotLeft, frame.plotBottom, frame.plotRight, frame.plotBottom)]
    for (index, label) in doseLabels.enumerated() {
      let center = frame.plotLeft + groupWidth * (Double(index) + 0.5)
      axis.append(
        frame.text(label, x: center, y: frame.plotBottom + 18, anchor: "middle", cssClass: "dose-label"))
      if index == trueMTD {
        axis.append(
          SVGElement(
            "rect",
            [
              "x": Format.coordinate(center - groupWidth / 2 + 2), "y": Format.coordinate(frame.plotTop),
              "width": Format.coordinate(groupWidth - 4),
              "height": Format.coordinate(frame.plotBottom - frame.plotTop),
              "fill": "none", "stroke": "#999999", "stroke-dasharray": "4 3", "class": "true-mtd",
            ]))
      }
    }
    children.append(SVGElement("g", ["class": "x-axis"], children: axis))
    for (s, series) in series.enumerated() {
      var bars: [SVGElement] = []
      for (index, value) in series.values.enumerated() where index < doseLabels.count {
        let left = frame.plotLeft + groupWidth * (Double(index) + 0.1) + barWidth * Double(s)
        let top = y.position(min(max(value, 0), 1))
        bars.append(
          SVGElement(
            "rect",
            [
              "x": Format.coordinate(left), "y": Format.coordinate(top), "width": Format.coordinate(barWidth),
              "height": Format.coordinate(frame.plotBottom - top), "fill": Palette.color(s), "class": "bar",
            ],
            children: [
              SVGElement(
                "title",
                text: "\(series.name), \(doseLabels[index]): \(Format.label((value * 1000).rounded() / 1000))"
              )
            ]))
      }
      children.append(SVGElement("g", ["class": "series", "data-name": series.name], children: bars))
    }
    children.append(
      frame.legend(series.enumerated().map { ($1.name, Palette.color($0)) }, x: frame.plotRight + 15))
    return frame.document(
      title: title,
      description: "Operating characteristics by dose level; dashed outline marks the true MTD.",
      children: children)
  }
}
