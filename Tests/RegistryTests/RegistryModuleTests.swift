import Registry
import Testing
