import Foundation
import Inputs
import Mustache

/// A form as the `form` template draws it: every field labelled, a field's error beside it (and
/// named by `aria-describedby`), the CSRF token and a one-time idempotency key.
struct FormModel {
  struct Option {
    var value: String
    var label: String
    var selected: Bool
  }

  struct Field {
    enum Kind { case text, number, date, password, select([String]), textArea, checkbox }
    var name: String
    var label: String
    var kind: Kind
    var required = false
    var value = ""
    var help: String?
    var fieldError: String?
    var formName = ""

    var id: String { "\(formName)-\(name)" }
    var isSelect: Bool { if case .select = kind { true } else { false } }
    var isTextArea: Bool { if case .textArea = kind { true } else { false } }
    var isCheckbox: Bool { if case .checkbox = kind { true } else { false } }
    var isInput: Bool { !isSelect && !isTextArea && !isCheckbox }
    var checked: Bool { value == "true" }
    var step: String? { if case .number = kind { "any" } else { nil } }
    var type: String {
      switch kind {
      case .number: "number"
      case .date: "date"
      case .password: "password"
      default: "text"
      }
    }
    var options: [Option] {
      guard case .select(let values) = kind else { return [] }
      // A required choice among several starts on an empty "Choose…" (the browser will not
      // submit it), so that no value (a level, a signature's meaning) is sent by default.
      let choose = required && values.count > 1 && !values.contains(value)
      let blank: String? = !required ? "—" : choose ? "Choose…" : nil
      return (blank.map { [Option(value: "", label: $0, selected: value.isEmpty)] } ?? [])
        + values.map { Option(value: $0, label: $0, selected: $0 == value) }
    }
  }

  var name: String
  var title: String
  var action: String
  var button: String
  var fields: [Field]
  var csrf: String?
  var key = UUID().uuidString
  var formError: String?
  /// The endpoint that grades the entry as it is typed (CRS and ICANS forms).
  var live: String?

  init(
    name: String, title: String, action: String, button: String, fields: [Field], csrf: String?,
    live: String? = nil
  ) {
    self.name = name
    self.title = title
    self.action = action
    self.button = button
    self.fields = fields.map {
      var f = $0; f.formName = name; return f
    }
    self.csrf = csrf
    self.live = live
  }

  /// The form as submitted, with the error at its field (or on the form), to be shown again.
  func refilled(_ form: FormFields, error: InputError?) -> FormModel {
    var copy = self
    copy.key = form.first("idempotencyKey") ?? key
    for i in copy.fields.indices {
      let f = copy.fields[i]
      if case .password = f.kind { continue }
      copy.fields[i].value = form.all(f.name).first ?? ""
    }
    if let error {
      let field = error.field.split(separator: ".").first.map { String($0) } ?? error.field
      if let i = copy.fields.firstIndex(where: { $0.name == field }) {
        copy.fields[i].fieldError = "expected \(error.expected), found \(error.found)"
        copy.formError = "Not recorded: \(copy.fields[i].label.lowercased()) — see below."
      } else {
        copy.formError = "Not recorded: \(error.message)"
      }
    }
    return copy
  }
}

extension FormModel.Field: MustacheParent {
  /// The template's names: the stored fields and the derived ones (mustache reads only stored
  /// properties by reflection).
  func child(named name: String) -> Any? {
    switch name {
    case "id": id
    case "isSelect": isSelect
    case "isTextArea": isTextArea
    case "isCheckbox": isCheckbox
    case "isInput": isInput
    case "checked": checked
    case "step": step as Any?
    case "type": type
    case "options": options
    default: reflectedChild(self, named: name)
    }
  }
}

/// A stored property of `value` by name, unwrapping an optional (as mustache does).
func reflectedChild(_ value: Any, named name: String) -> Any? {
  guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name })?.value else {
    return nil
  }
  let mirror = Mirror(reflecting: child)
  guard mirror.displayStyle == .optional else { return child }
  return mirror.children.first?.value
}
