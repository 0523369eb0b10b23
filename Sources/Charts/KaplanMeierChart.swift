/// A Kaplan–Meier plot: step curves with censor marks and a numbers-at-risk table below.
public struct KaplanMeierChart: Sendable, Hashable {
  /// One group's curve.
  public struct Curve: Sendable, Hashable {
    /// Group name (legend and at-risk row label).
    public var name: String
    /// (time, survival after the step) at each event time, ascending; the curve starts at (0, 1).
    public var steps: [Point]
    /// Censoring times; each gets a "+" mark on the curve.
    public var censorTimes: [Double]
    /// Numbers at risk at ``KaplanMeierChart/atRiskTimes``.
    public var atRisk: [Int]

    public init(name: String, steps: [Point], censorTimes: [Double], atRisk: [Int]) {
      self.name = name
      self.steps = steps
      self.censorTimes = censorTimes
      self.atRisk = atRisk
    }

    /// The survival just after `time`.
    func survival(at time: Double) -> Double {
      steps.last { $0.x <= time }?.y ?? 1
    }
  }

  public var title: String
  public var curves: [Curve]
  /// Times at which numbers at risk are printed (also the x ticks' reach).
  public var atRiskTimes: [Double]
  public var xLabel: String
  public var yLabel: String
  public var width: Double = 640
  public var height: Double = 420

  public init(
    title: String, curves: [Curve], atRiskTimes: [Double], xLabel: String = "Days since infusion",
    yLabel: String = "Survival probability"
  ) {
    self.title = title
    self.curves = curves
    self.atRiskTimes = atRiskTimes
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  /// The chart as a standalone SVG document.
  public func svg() -> String { element().render() }

  /// The chart as an `<svg>` element (for embedding).
  public func element() -> SVGElement {
    let tableHeight = 24 + 16 * Double(curves.count)
    let frame = ChartFrame(
      width: width, height: height, left: 110, right: 20, top: 30, bottom: 50 + tableHeight)
    let maxTime = max(
      curves.flatMap { $0.steps.map(\.x) + $0.censorTimes }.max() ?? 1, atRiskTimes.max() ?? 1, 1)
    let x = LinearScale(domain: 0...maxTime, range: (frame.plotLeft, frame.plotRight))
    let y = LinearScale(domain: 0...1, range: (frame.plotBottom, frame.plotTop))
    var children = [frame.xAxis(x, title: xLabel), frame.yAxis(y, title: yLabel)]
    for (index, curve) in curves.enumerated() {
      let color = Palette.color(index)
      var d = "M\(Format.coordinate(x.position(0))),\(Format.coordinate(y.position(1)))"
      for step in curve.steps {
        d += " H\(Format.coordinate(x.position(step.x))) V\(Format.coordinate(y.position(step.y)))"
      }
      let end = max(curve.censorTimes.max() ?? 0, curve.steps.last?.x ?? 0)
      d += " H\(Format.coordinate(x.position(end)))"
      var group = [
        SVGElement(
          "path", ["d": d, "fill": "none", "stroke": color, "stroke-width": "2", "class": "km-curve"])
      ]
      for time in curve.censorTimes {
        let cx = x.position(time)
        let cy = y.position(curve.survival(at: time))
        group.append(
          SVGElement(
            "path",
            [
              "d": "M\(Format.coordinate(cx - 4)),\(Format.coordinate(cy)) h8 M\(Format.coordinate(cx)),"
                + "\(Format.coordinate(cy - 4)) v8", "stroke": color, "class": "censor-mark",
            ]))
      }
      children.append(SVGElement("g", ["class": "km-group", "data-name": curve.name], children: group))
    }
    children.append(frame.legend(curves.enumerated().map { ($1.name, Palette.color($0)) }))
    children.append(atRiskTable(frame: frame, x: x))
    return frame.document(
      title: title, description: "Kaplan–Meier estimate; + marks censored subjects; numbers at risk below.",
      children: children)
  }

  private func atRiskTable(frame: ChartFrame, x: LinearScale) -> SVGElement {
    var rows = [
      frame.text(
        "Number at risk", x: 10, y: frame.plotBottom + 58, anchor: "start", cssClass: "at-risk-title")
    ]
    for (index, curve) in curves.enumerated() {
      let rowY = frame.plotBottom + 74 + 16 * Double(index)
      rows.append(frame.text(curve.name, x: 10, y: rowY, anchor: "start", cssClass: "at-risk-label"))
      for (time, count) in zip(atRiskTimes, curve.atRisk) {
        rows.append(
          frame.text(String(count), x: x.position(time), y: rowY, anchor: "middle", cssClass: "at-risk"))
      }
    }
    return SVGElement("g", ["class": "at-risk-table"], children: rows)
  }
}

/// A data point (x, y).
public struct Point: Sendable, Hashable, Codable {
  public var x: Double
  public var y: Double
  public init(_ x: Double, _ y: Double) {
    self.x = x
    self.y = y
  }
}
