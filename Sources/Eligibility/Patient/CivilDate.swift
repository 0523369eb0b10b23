import TrialModel

/// Eligibility's name for the shared calendar date type.
public typealias CivilDate = CalendarDate
