using QualityGates.Cli;

return CliApplication.Run(args, Console.Out, Console.Error);
