/// The classes of dated history events (treatments, procedures, complications), named with dots
/// from general to specific. A criterion naming `chemotherapy` matches every
/// `chemotherapy.*` class; an event may belong to several classes (a CD19 CAR-T is both `carT`
/// and `antiCD19`).
public enum EventClass: Int, CaseIterable, Sendable {
  case hsctAllogeneic, hsctAutologous, dli, carT, antiCD19, antiCD20, antiCD22, antiCD3
  case anthracycline, vincaAlkaloid, mercaptopurine, thioguanine, methotrexate, cytarabine
  case asparaginase, pegAsparaginase, hydroxyurea, intrathecal, otherChemotherapy
  case tki, steroid, immunosuppressant
  case radiotherapyCNS, radiotherapyLung, radiotherapyOther
  case vaccineLive, vaccineInactivated, vaccineRNA, vaccineInfluenza, vaccineOther
  case surgeryMajor, surgeryMinor
  case tCellLyticAntibody, monoclonalAntibody, bispecificAntibody, antibodyDrugConjugate
  case investigationalProduct, clinicalTrial
  case angioplasty, stent, myocardialInfarction, unstableAngina, pulmonaryEmbolism
  case gvhdAcute, gvhdChronic, organTransplant
  /// A pregnancy (in `plans`: a planned pregnancy).
  case pregnancy
  /// A malignancy other than the leukaemia under study, from diagnosis (`date`) to complete
  /// remission or cure (`endDate`), or `ongoing` (needing treatment or not in complete remission
  /// at screening), with its `type` (``TumourType``).
  case malignancy

  /// The dotted name used in records and expressions.
  public var name: String { EventClass.names[rawValue] }

  private static let names = allCases.map(\.computedName)

  private var computedName: String {
    switch self {
    case .hsctAllogeneic: "hsct.allogeneic"
    case .hsctAutologous: "hsct.autologous"
    case .anthracycline, .vincaAlkaloid, .mercaptopurine, .thioguanine, .methotrexate, .cytarabine,
      .asparaginase, .pegAsparaginase, .hydroxyurea, .intrathecal:
      "chemotherapy.\(self)"
    case .otherChemotherapy: "chemotherapy.other"
    case .radiotherapyCNS: "radiotherapy.cns"
    case .radiotherapyLung: "radiotherapy.lung"
    case .radiotherapyOther: "radiotherapy.other"
    case .vaccineLive: "vaccine.live"
    case .vaccineInactivated: "vaccine.inactivated"
    case .vaccineRNA: "vaccine.rna"
    case .vaccineInfluenza: "vaccine.influenza"
    case .vaccineOther: "vaccine.other"
    case .surgeryMajor: "surgery.major"
    case .surgeryMinor: "surgery.minor"
    case .tCellLyticAntibody: "antibody.tCellLytic"
    case .monoclonalAntibody: "antibody.monoclonal"
    case .bispecificAntibody: "antibody.bispecific"
    case .antibodyDrugConjugate: "antibody.drugConjugate"
    case .angioplasty: "cardiac.angioplasty"
    case .stent: "cardiac.stent"
    case .myocardialInfarction: "cardiac.myocardialInfarction"
    case .unstableAngina: "cardiac.unstableAngina"
    case .gvhdAcute: "gvhd.acute"
    case .gvhdChronic: "gvhd.chronic"
    default: String(describing: self)
    }
  }

  /// Whether events of this class are states that last from onset to resolution (GVHD, a
  /// malignancy): an episode that began before a window and has no recorded `endDate` (or
  /// `ongoing`) may still have been present in it.
  public var isState: Bool { EventClass.states.intersects(EventClassSet(mask: bit)) }

  /// The state classes as a set.
  static let states = EventClassSet(mask: gvhdAcute.bit | gvhdChronic.bit | malignancy.bit)

  /// This class's bit in an ``EventClassSet``.
  var bit: UInt64 { 1 << UInt64(rawValue) }

  /// The classes a name selects: the class itself and every class below it (`hsct` selects
  /// `hsct.allogeneic` and `hsct.autologous`); empty if the name matches nothing.
  public static func selecting(_ name: String) -> EventClassSet {
    var mask: UInt64 = 0
    for c in allCases where c.name == name || c.name.hasPrefix(name + ".") { mask |= c.bit }
    return EventClassSet(mask: mask)
  }

  /// Every selectable name: each class and each dotted prefix.
  public static let selectableNames: [String] = {
    var names = Set<String>()
    for c in allCases {
      let parts = c.name.split(separator: ".")
      for k in 1...parts.count { names.insert(parts[0..<k].joined(separator: ".")) }
    }
    return names.sorted()
  }()
}

/// A set of event classes as a bit mask (fits in one word: allocation-free matching).
public struct EventClassSet: Sendable, Hashable {
  public var mask: UInt64
  public init(mask: UInt64 = 0) { self.mask = mask }
  public var isEmpty: Bool { mask == 0 }
  func intersects(_ other: EventClassSet) -> Bool { mask & other.mask != 0 }
  mutating func insert(_ c: EventClass) { mask |= c.bit }
}
