using FirewallKit.Cli;

return FwkitCli.Run(args, Console.Out, Console.Error);
