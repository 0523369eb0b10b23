import Foundation
import TrialConduct

/// A trial's clinical data with its audit trail as CDISC ODM 1.3.2 XML: `FileType="Transactional"`
/// (ODM 1.3.2 §2.7: a file of transactions, each with its audit record), every event an
/// `Insert` — the log is append-only; a correction is its own inserted record naming the event it
/// corrects.
///
/// Every subject event of the log is one `ItemGroupData` (ItemGroupOID `IG.<KIND>`, repeat key its
/// sequence) holding the event's summary as `I.SUMMARY`, with an `AuditRecord` (ODM 1.3.2 §3.1.6,
/// element order UserRef, LocationRef, DateTimeStamp, ReasonForChange) from the event's actor,
/// site and recording time; its `ReasonForChange` is a correction's reason, an adjudication's
/// stated reason, or `Initial entry` (the audit trail's "why" of a first record, as EDC systems
/// write it). `AdminData` defines
/// each user and location referenced; `MetaDataVersion` each study event, form, item group and
/// item referenced.
public enum ODMDocument {
  /// The "why" of an event's audit record.
  static func reasonForChange(_ body: EventBody) -> String {
    switch body {
    case .correction(let c): c.reason
    case .dltAdjudicated(let a) where !(a.reason ?? "").isEmpty: "DLT adjudication: \(a.reason!)"
    default: "Initial entry"
    }
  }

  /// The ODM XML of `events` (the trial's log) and `state` (their fold).
  public static func xml(_ state: TrialState, events: [RecordedEvent]) -> String {
    let study = "ST.\(oid(state.trial))", mdv = "MDV.1"
    var users: [String: String] = [:], locations: Set<String> = [], kinds: Set<String> = []
    var bySubject: [String: [String]] = [:]
    for r in events {
      let index = r.sequence - 1
      guard index < state.eventSubjects.count, let subject = state.eventSubjects[index] else { continue }
      let e = r.event
      let user = "U.\(oid(e.actor.name))"
      users[user] = e.actor.name
      let location = "L.\(oid(e.actor.site ?? "SPONSOR"))"
      locations.insert(location)
      let kind = e.kind.rawValue.uppercased()
      kinds.insert(kind)
      let reason = "<ReasonForChange>\(escape(reasonForChange(e.body)))</ReasonForChange>"
      bySubject[subject, default: []].append(
        "<ItemGroupData ItemGroupOID=\"IG.\(kind)\" ItemGroupRepeatKey=\"\(r.sequence)\" TransactionType=\"Insert\">"
          + "<AuditRecord><UserRef UserOID=\"\(user)\"/><LocationRef LocationOID=\"\(location)\"/>"
          + "<DateTimeStamp>\(timestamp(e.recordedAt))</DateTimeStamp>\(reason)</AuditRecord>"
          + "<ItemData ItemOID=\"I.SUMMARY\" Value=\"\(escape(e.body.summary))\"/></ItemGroupData>")
    }
    let created = events.last.map { timestamp($0.event.recordedAt) } ?? "1970-01-01T00:00:00Z"
    let sortedKinds = kinds.sorted()
    var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    x += "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" ODMVersion=\"1.3.2\" FileType=\"Transactional\" "
    x += "FileOID=\"F.\(oid(state.trial))\" CreationDateTime=\"\(created)\">\n"
    x += "<Study OID=\"\(study)\"><GlobalVariables><StudyName>\(escape(state.trial))</StudyName>"
    x += "<StudyDescription>\(escape(state.protocolInForce.title))</StudyDescription>"
    x += "<ProtocolName>\(escape(state.trial))</ProtocolName></GlobalVariables>\n"
    x += "<MetaDataVersion OID=\"\(mdv)\" Name=\"Conduct log\"><Protocol>"
    x += "<StudyEventRef StudyEventOID=\"SE.CONDUCT\" Mandatory=\"Yes\"/></Protocol>"
    x += "<StudyEventDef OID=\"SE.CONDUCT\" Name=\"Trial conduct\" Repeating=\"No\" Type=\"Unscheduled\">"
    x += "<FormRef FormOID=\"F.EVENTS\" Mandatory=\"Yes\"/></StudyEventDef>"
    x += "<FormDef OID=\"F.EVENTS\" Name=\"Recorded events\" Repeating=\"No\">"
    x += sortedKinds.map { "<ItemGroupRef ItemGroupOID=\"IG.\($0)\" Mandatory=\"No\"/>" }.joined()
    x += "</FormDef>"
    x += sortedKinds.map {
      "<ItemGroupDef OID=\"IG.\($0)\" Name=\"\($0)\" Repeating=\"Yes\"><ItemRef ItemOID=\"I.SUMMARY\" Mandatory=\"Yes\"/></ItemGroupDef>"
    }.joined()
    x += "<ItemDef OID=\"I.SUMMARY\" Name=\"Event summary\" DataType=\"text\"/></MetaDataVersion></Study>\n"
    x += "<AdminData>"
    x += users.sorted { $0.key < $1.key }.map {
      "<User OID=\"\($0.key)\"><FullName>\(escape($0.value))</FullName></User>"
    }.joined()
    x += locations.sorted().map {
      "<Location OID=\"\($0)\" Name=\"\($0.dropFirst(2))\"><MetaDataVersionRef StudyOID=\"\(study)\" "
        + "MetaDataVersionOID=\"\(mdv)\" EffectiveDate=\"\(created.prefix(10))\"/></Location>"
    }.joined()
    x += "</AdminData>\n<ClinicalData StudyOID=\"\(study)\" MetaDataVersionOID=\"\(mdv)\">\n"
    for s in state.subjectOrder {
      guard let groups = bySubject[s] else { continue }
      x += "<SubjectData SubjectKey=\"\(escape(s))\"><StudyEventData StudyEventOID=\"SE.CONDUCT\">"
      x +=
        "<FormData FormOID=\"F.EVENTS\">" + groups.joined(separator: "\n")
        + "</FormData></StudyEventData></SubjectData>\n"
    }
    x += "</ClinicalData>\n</ODM>\n"
    return x
  }

  /// An OID from free text: letters, digits, `.`, `-`, `_` kept, others as `_`.
  static func oid(_ text: String) -> String {
    String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
  }

  /// Text as XML content or attribute value: markup characters escaped, line breaks and tabs as
  /// character references (kept through attribute normalisation), other control characters,
  /// which XML 1.0 does not allow, dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// ISO 8601 UTC date-time (ODM `datetime`).
  static func timestamp(_ date: Date) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: date)
  }
}
