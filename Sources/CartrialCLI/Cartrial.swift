import ArgumentParser

/// The `cartrial` command: one subcommand per job, each a thin shell over the library modules.
public struct Cartrial: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "cartrial",
    abstract: "Design, screen, conduct and analyse phase I CAR-T trials in r/r B-ALL.",
    version: "0.1.0",
    subcommands: [
      // Each subcommand lives in its own file under Commands/; register it here.
      ProtocolCommand.self,
      ScreenCommand.self,
      DoseCommand.self,
      OCCommand.self,
      NCACommand.self,
      KineticsCommand.self,
      KMCommand.self,
      ReportCommand.self,
      GradeCommand.self,
      DLTCommand.self,
      ResponseCommand.self,
      TableCommand.self,
      DecideCommand.self,
      MTDCommand.self,
      SkeletonCommand.self,
      TrialCommand.self,
      SubjectCommand.self,
      DecisionCommand.self,
      EventCommand.self,
      SignCommand.self,
      AuditCommand.self,
      DemoCommand.self,
      ExportCommand.self,
      ServeCommand.self,
      RegistryCommand.self,
    ]
  )

  public init() {}
}
