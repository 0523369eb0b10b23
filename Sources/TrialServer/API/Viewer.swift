import Inputs
import TrialConduct
import TrialStore

/// What the signed-in user may see of a trial: coordinators and investigators their own site's
/// subjects; statisticians no subjects at all (counts only); everyone else everything.
struct Viewer: Sendable {
  let user: Accounts.User

  var seesSubjects: Bool { Permissions.allows(user.role, .viewSubjects) }

  /// Whether the user sees a subject of `site`.
  func sees(site: String?) -> Bool {
    guard seesSubjects else { return false }
    return !Permissions.isSiteBound(user.role) || site == user.site
  }

  /// The overview with only what the user may see: other sites' subjects left out (cohort members
  /// of other sites shown as "another site"), and no subject ids for statisticians.
  func scoped(_ overview: TrialOverview) -> TrialOverview {
    var o = overview
    let sites = Dictionary(overview.subjects.map { ($0.id, $0.site) }, uniquingKeysWith: { a, _ in a })
    o.subjects = overview.subjects.filter { sees(site: $0.site) }
    for g in o.groups.indices {
      for c in o.groups[g].cohorts.indices {
        o.groups[g].cohorts[c].members = o.groups[g].cohorts[c].members.enumerated().map { i, id in
          seesSubjects ? (sees(site: sites[id] ?? nil) ? id : "(another site)") : "subject \(i + 1)"
        }
        o.groups[g].cohorts[c].replaced = o.groups[g].cohorts[c].replaced.map { id in
          sees(site: sites[id] ?? nil) ? id : "(withheld)"
        }
      }
    }
    return o
  }

  /// Refuses a subject the user may not see, with the same answer as an unknown subject (a
  /// coordinator cannot learn which ids another site uses).
  func check(subject id: String, in state: TrialState) throws {
    guard let s = state.subjects[id], sees(site: s.site) else {
      throw InputError(
        .notFound, field: "subject",
        expected: seesSubjects
          ? "a subject you may see in \(state.trial)" : "(subjects are not shown to a \(user.role.rawValue))",
        found: id)
    }
  }

  /// The audit entries the user may see: trial-level events and events of subjects they see.
  func scoped(_ entries: [AuditEntry], state: TrialState) -> [AuditEntry] {
    guard Permissions.isSiteBound(user.role) else { return entries }
    return entries.filter { e in
      guard e.sequence <= state.eventSubjects.count, let subject = state.eventSubjects[e.sequence - 1] else {
        return true
      }
      return sees(site: state.subjects[subject]?.site ?? nil)
    }
  }
}
