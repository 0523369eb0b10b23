import Foundation
import Trials

/// A simulation job as the API shows it (`GET /api/v1/jobs/{job}`): its status, its progress in
/// finished trials, and its answer when finished (the same JSON as `oc --json`) or its problem
/// when failed.
struct JobAnswer: Encodable {
  struct Progress: Encodable {
    var finishedTrials: Int
    var totalTrials: Int
  }

  var job: String
  var href: String
  var label: String
  var status: SimulationJob.Status
  var progress: Progress
  var createdAt: Date
  var endedAt: Date?
  var result: OperatingCharacteristicsAnswer?
  var problem: Problem?

  init(_ job: SimulationJob) {
    self.job = job.id
    href = "/api/v1/jobs/\(job.id)"
    label = job.label
    status = job.status
    progress = Progress(finishedTrials: job.finishedTrials, totalTrials: job.totalTrials)
    createdAt = job.createdAt
    endedAt = job.endedAt
    result = job.result
    problem = job.problem
  }
}
