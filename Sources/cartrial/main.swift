import CartrialCLI
import Foundation

exit(Cartrial.execute(Array(CommandLine.arguments.dropFirst())))
