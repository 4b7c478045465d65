import KwalkCommandLine
KwalkMain.main()
