/// The plotting area of a chart and its axes.
struct ChartFrame {
  var width: Double
  var height: Double
  var left: Double
  var right: Double
  var top: Double
  var bottom: Double

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  /// The root `<svg>` element with a title and a white background.
  func document(title: String, description: String, children: [SVGElement]) -> SVGElement {
    let w = Format.coordinate(width)
    let h = Format.coordinate(height)
    return SVGElement(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "width": w, "height": h, "viewBox": "0 0 \(w) \(h)",
        "font-family": "sans-serif", "font-size": "12", "role": "img",
      ],
      children: [
        SVGElement("title", text: title),
        SVGElement("desc", text: description),
        SVGElement("rect", ["width": w, "height": h, "fill": "white"]),
        SVGElement(
          "text",
          [
            "x": Format.coordinate(width / 2), "y": "18", "text-anchor": "middle", "font-size": "14",
            "font-weight": "bold", "class": "chart-title",
          ], text: title),
      ] + children)
  }

  /// A horizontal axis at the bottom with ticks, labels and a title.
  func xAxis(_ scale: some Scale, title: String) -> SVGElement {
    var children = [line(plotLeft, plotBottom, plotRight, plotBottom)]
    for tick in scale.ticks() {
      let x = scale.position(tick.value)
      children.append(line(x, plotBottom, x, plotBottom + 5))
      children.append(text(tick.label, x: x, y: plotBottom + 18, anchor: "middle", cssClass: "tick-label"))
    }
    children.append(
      text(title, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, anchor: "middle", cssClass: "axis-title")
    )
    return SVGElement("g", ["class": "x-axis"], children: children)
  }

  /// A vertical axis at the left with ticks, labels and a rotated title.
  func yAxis(_ scale: some Scale, title: String) -> SVGElement {
    var children = [line(plotLeft, plotTop, plotLeft, plotBottom)]
    for tick in scale.ticks() {
      let y = scale.position(tick.value)
      children.append(line(plotLeft - 5, y, plotLeft, y))
      children.append(text(tick.label, x: plotLeft - 8, y: y + 4, anchor: "end", cssClass: "tick-label"))
    }
    let cx = Format.coordinate(plotLeft - 48)
    let cy = Format.coordinate((plotTop + plotBottom) / 2)
    children.append(
      SVGElement(
        "text",
        [
          "x": cx, "y": cy, "text-anchor": "middle", "transform": "rotate(-90 \(cx) \(cy))",
          "class": "axis-title",
        ], text: title))
    return SVGElement("g", ["class": "y-axis"], children: children)
  }

  /// A legend: one coloured swatch and name per entry, stacked downwards from (x, y); by default
  /// inside the top-right corner of the plot.
  func legend(_ entries: [(name: String, color: String)], x: Double? = nil, y: Double? = nil) -> SVGElement {
    let left = x ?? plotRight - 150
    let top = y ?? plotTop + 8
    let children = entries.enumerated().flatMap { index, entry -> [SVGElement] in
      let rowY = top + Double(index) * 16
      return [
        SVGElement(
          "rect",
          [
            "x": Format.coordinate(left), "y": Format.coordinate(rowY - 9), "width": "10", "height": "10",
            "fill": entry.color,
          ]),
        text(entry.name, x: left + 15, y: rowY, anchor: "start", cssClass: "legend-label"),
      ]
    }
    return SVGElement("g", ["class": "legend"], children: children)
  }

  func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "black") -> SVGElement {
    SVGElement(
      "line",
      [
        "x1": Format.coordinate(x1), "y1": Format.coordinate(y1), "x2": Format.coordinate(x2),
        "y2": Format.coordinate(y2), "stroke": stroke,
      ])
  }

  func text(_ s: String, x: Double, y: Double, anchor: String, cssClass: String) -> SVGElement {
    SVGElement(
      "text",
      ["x": Format.coordinate(x), "y": Format.coordinate(y), "text-anchor": anchor, "class": cssClass],
      text: s)
  }
}

/// A colour-blind-safe palette (Okabe & Ito 2008).
enum Palette {
  static let colors = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
  ]
  static func color(_ index: Int) -> String { colors[index % colors.count] }
}
