/// Cellular kinetics on a log axis: each subject's profile in grey and the median profile on top.
public struct KineticsChart: Sendable, Hashable {
  /// One subject's samples.
  public struct Profile: Sendable, Hashable {
    public var subject: String
    /// (time, level) samples; levels ≤ 0 (BLQ) cannot be drawn on a log axis and are skipped.
    public var points: [Point]
    public init(subject: String, points: [Point]) {
      self.subject = subject
      self.points = points
    }
  }

  public var title: String
  public var profiles: [Profile]
  /// The median level at each nominal time (drawn bold), empty for none.
  public var median: [Point]
  public var xLabel: String
  public var yLabel: String
  public var width: Double = 640
  public var height: Double = 400

  public init(
    title: String, profiles: [Profile], median: [Point], xLabel: String = "Days since infusion",
    yLabel: String = "Transgene level (copies/µg gDNA)"
  ) {
    self.title = title
    self.profiles = profiles
    self.median = median
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  public func svg() -> String { element().render() }

  public func element() -> SVGElement {
    let frame = ChartFrame(width: width, height: height, left: 80, right: 20, top: 30, bottom: 50)
    let all = (profiles.flatMap(\.points) + median).filter { $0.y > 0 }
    let maxTime = max(all.map(\.x).max() ?? 1, 1)
    let low = all.map(\.y).min() ?? 1
    let high = all.map(\.y).max() ?? 10
    let x = LinearScale(domain: 0...maxTime, range: (frame.plotLeft, frame.plotRight))
    let y = LogScale(domain: low...max(high, low), range: (frame.plotBottom, frame.plotTop))
    var children = [frame.xAxis(x, title: xLabel), frame.yAxis(y, title: yLabel)]
    func polyline(_ points: [Point], attributes: KeyValuePairs<String, String>) -> SVGElement {
      var element = SVGElement("polyline", attributes)
      let coordinates = points.filter { $0.y > 0 }.map {
        "\(Format.coordinate(x.position($0.x))),\(Format.coordinate(y.position($0.y)))"
      }
      element.attributes.insert(.init(name: "points", value: coordinates.joined(separator: " ")), at: 0)
      return element
    }
    for profile in profiles {
      var line = polyline(
        profile.points,
        attributes: ["fill": "none", "stroke": "#999999", "stroke-width": "1", "class": "profile"])
      line.attributes.append(.init(name: "data-subject", value: profile.subject))
      line.children = [SVGElement("title", text: profile.subject)]
      children.append(line)
    }
    if !median.isEmpty {
      children.append(
        polyline(
          median,
          attributes: ["fill": "none", "stroke": Palette.color(0), "stroke-width": "3", "class": "median"]))
      children.append(frame.legend([("Individual", "#999999"), ("Median", Palette.color(0))]))
    }
    return frame.document(
      title: title,
      description: "Individual profiles (grey) and median (bold) on a log scale; BLQ not shown.",
      children: children)
  }
}
