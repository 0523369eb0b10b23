/// A swimmer plot: one horizontal bar per subject (follow-up), with event markers and an arrow
/// for subjects still on study.
public struct SwimmerChart: Sendable, Hashable {
  /// A marked event on a subject's lane.
  public struct Marker: Sendable, Hashable {
    /// Kinds of marked events; each has its own symbol.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
      case response, relapse, death, transplant, other
    }
    public var day: Double
    public var kind: Kind
    public init(day: Double, kind: Kind) {
      self.day = day
      self.kind = kind
    }
  }

  /// One subject's lane.
  public struct Lane: Sendable, Hashable {
    public var subject: String
    /// Follow-up length in days.
    public var days: Double
    /// Still on study (drawn with an arrow).
    public var ongoing: Bool
    /// Optional group label (e.g. dose level), used for the bar colour.
    public var group: String
    public var markers: [Marker]
    public init(subject: String, days: Double, ongoing: Bool, group: String = "", markers: [Marker]) {
      self.subject = subject
      self.days = days
      self.ongoing = ongoing
      self.group = group
      self.markers = markers
    }
  }

  public var title: String
  public var lanes: [Lane]
  public var xLabel: String
  public var width: Double = 640

  public init(title: String, lanes: [Lane], xLabel: String = "Days since infusion") {
    self.title = title
    self.lanes = lanes
    self.xLabel = xLabel
  }

  static let symbols: [Marker.Kind: (shape: String, color: String)] = [
    .response: ("circle", "#009E73"), .relapse: ("triangle", "#D55E00"), .death: ("cross", "#000000"),
    .transplant: ("diamond", "#CC79A7"), .other: ("square", "#E69F00"),
  ]

  public func svg() -> String { element().render() }

  public func element() -> SVGElement {
    let laneHeight = 18.0
    let frame = ChartFrame(
      width: width, height: 80 + laneHeight * Double(max(lanes.count, 1)) + 40, left: 80, right: 90, top: 50,
      bottom: 50)
    let maxDay = max(lanes.map(\.days).max() ?? 1, 1) * 1.05
    let x = LinearScale(domain: 0...maxDay, range: (frame.plotLeft, frame.plotRight))
    let groups = lanes.map(\.group).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    var children = [frame.xAxis(x, title: xLabel)]
    for (index, lane) in lanes.enumerated() {
      let top = frame.plotTop + Double(index) * laneHeight
      let color = Palette.color(groups.firstIndex(of: lane.group) ?? 0)
      var parts = [
        frame.text(lane.subject, x: frame.plotLeft - 6, y: top + 12, anchor: "end", cssClass: "lane-label"),
        SVGElement(
          "rect",
          [
            "x": Format.coordinate(x.position(0)), "y": Format.coordinate(top + 3),
            "width": Format.coordinate(x.position(lane.days) - x.position(0)), "height": "12", "fill": color,
            "class": "lane-bar",
          ]),
      ]
      if lane.ongoing {
        let end = x.position(lane.days)
        parts.append(
          SVGElement(
            "path",
            [
              "d": "M\(Format.coordinate(end + 2)),\(Format.coordinate(top + 3)) l8,6 l-8,6 z", "fill": color,
              "class": "ongoing",
            ]))
      }
      for marker in lane.markers {
        parts.append(symbol(marker, cx: x.position(marker.day), cy: top + 9))
      }
      children.append(SVGElement("g", ["class": "lane", "data-subject": lane.subject], children: parts))
    }
    if groups.count > 1 || groups.first != "" {
      children.append(
        frame.legend(groups.enumerated().map { ($1, Palette.color($0)) }, x: frame.plotRight + 15))
    }
    children.append(markerKey(frame: frame))
    return frame.document(
      title: title, description: "One bar per subject; symbols mark response, relapse, death, transplant.",
      children: children)
  }

  private func symbol(_ marker: Marker, cx: Double, cy: Double) -> SVGElement {
    let (shape, color) = Self.symbols[marker.kind]!
    let c = Format.coordinate
    let d: String
    switch shape {
    case "circle":
      return SVGElement(
        "circle",
        ["cx": c(cx), "cy": c(cy), "r": "5", "fill": color, "class": "marker marker-\(marker.kind.rawValue)"])
    case "triangle": d = "M\(c(cx)),\(c(cy - 6)) L\(c(cx + 6)),\(c(cy + 5)) L\(c(cx - 6)),\(c(cy + 5)) Z"
    case "diamond":
      d = "M\(c(cx)),\(c(cy - 6)) L\(c(cx + 6)),\(c(cy)) L\(c(cx)),\(c(cy + 6)) L\(c(cx - 6)),\(c(cy)) Z"
    case "cross":
      d =
        "M\(c(cx - 5)),\(c(cy - 5)) L\(c(cx + 5)),\(c(cy + 5)) M\(c(cx + 5)),\(c(cy - 5)) L\(c(cx - 5)),\(c(cy + 5))"
    default: d = "M\(c(cx - 5)),\(c(cy - 5)) h10 v10 h-10 Z"
    }
    return SVGElement(
      "path",
      [
        "d": d, "fill": color, "stroke": color, "stroke-width": "2",
        "class": "marker marker-\(marker.kind.rawValue)",
      ])
  }

  private func markerKey(frame: ChartFrame) -> SVGElement {
    let kinds = Marker.Kind.allCases.filter { kind in
      lanes.contains { $0.markers.contains { $0.kind == kind } }
    }
    let items = kinds.enumerated().flatMap { index, kind -> [SVGElement] in
      let x0 = frame.plotLeft + Double(index) * 100
      return [
        symbol(Marker(day: 0, kind: kind), cx: x0 + 5, cy: 36),
        frame.text(kind.rawValue, x: x0 + 14, y: 40, anchor: "start", cssClass: "marker-key-label"),
      ]
    }
    return SVGElement("g", ["class": "marker-key"], children: items)
  }
}
