import Exports
import Testing
