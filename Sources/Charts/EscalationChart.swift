/// The escalation path of a dose-finding trial: the dose level of each patient in enrolment
/// order, joined by a line, with dose-limiting toxicities marked.
public struct EscalationChart: Sendable, Hashable {
  /// One treated patient.
  public struct Patient: Sendable, Hashable {
    public var subject: String
    /// Index into ``EscalationChart/doseLabels`` (0 = lowest dose).
    public var doseLevel: Int
    /// Whether the patient had a DLT.
    public var dlt: Bool
    public init(subject: String, doseLevel: Int, dlt: Bool) {
      self.subject = subject
      self.doseLevel = doseLevel
      self.dlt = dlt
    }
  }

  public var title: String
  /// Dose-level labels with units, e.g. "1×10⁶ cells/kg".
  public var doseLabels: [String]
  public var patients: [Patient]
  public var width: Double = 640
  public var height: Double = 360

  public init(title: String, doseLabels: [String], patients: [Patient]) {
    self.title = title
    self.doseLabels = doseLabels
    self.patients = patients
  }

  public func svg() -> String { element().render() }

  public func element() -> SVGElement {
    let frame = ChartFrame(width: width, height: height, left: 130, right: 20, top: 40, bottom: 50)
    let levels = max(doseLabels.count, (patients.map(\.doseLevel).max() ?? 0) + 1)
    let x = LinearScale(
      domain: 0.5...(Double(max(patients.count, 1)) + 0.5), range: (frame.plotLeft, frame.plotRight))
    let y = LinearScale(domain: -0.5...(Double(levels) - 0.5), range: (frame.plotBottom, frame.plotTop))
    var children = [frame.xAxis(x, title: "Patient (enrolment order)")]
    var axis = [frame.line(frame.plotLeft, frame.plotTop, frame.plotLeft, frame.plotBottom)]
    for level in 0..<levels {
      let label = level < doseLabels.count ? doseLabels[level] : "level \(level + 1)"
      axis.append(
        frame.text(
          label, x: frame.plotLeft - 8, y: y.position(Double(level)) + 4, anchor: "end",
          cssClass: "dose-label"))
    }
    children.append(SVGElement("g", ["class": "y-axis"], children: axis))
    let coordinates = patients.enumerated().map {
      (x.position(Double($0 + 1)), y.position(Double($1.doseLevel)))
    }
    if coordinates.count > 1 {
      let points = coordinates.map { "\(Format.coordinate($0.0)),\(Format.coordinate($0.1))" }
      children.append(
        SVGElement(
          "polyline",
          [
            "points": points.joined(separator: " "), "fill": "none", "stroke": "#999999",
            "class": "escalation-path",
          ]))
    }
    for (patient, (cx, cy)) in zip(patients, coordinates) {
      let marker = SVGElement(
        "circle",
        [
          "cx": Format.coordinate(cx), "cy": Format.coordinate(cy), "r": "6",
          "fill": patient.dlt ? "#D55E00" : "white", "stroke": patient.dlt ? "#D55E00" : "#0072B2",
          "stroke-width": "2", "class": patient.dlt ? "patient dlt" : "patient",
        ], children: [SVGElement("title", text: "\(patient.subject)\(patient.dlt ? ": DLT" : "")")])
      children.append(marker)
    }
    children.append(frame.legend([("No DLT", "#0072B2"), ("DLT", "#D55E00")], x: frame.plotLeft + 10))
    return frame.document(
      title: title, description: "Dose level by patient in enrolment order; filled circles are DLTs.",
      children: children)
  }
}
