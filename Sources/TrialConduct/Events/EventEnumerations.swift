import Inputs

// The event vocabularies a person types (roles, reasons, outcomes) read as input enumerations:
// case-insensitive, with the allowed values listed when a value is not one of them.
extension Role: InputEnumeration {}
extension Signature.Meaning: InputEnumeration {}
extension DLTAdjudicated.Outcome: InputEnumeration {}
extension OffStudy.Reason: InputEnumeration {}
extension ConcomitantTreatment.Purpose: InputEnumeration {}
