import CartrialCLI

Cartrial.main()
