using FirewallKit.Cli;
using FirewallKit.Core.Apply;

namespace FirewallKit.Tests.Support;

/// <summary>Runs fwkit in-process and captures what it printed.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FwkitCli.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs fwkit against the given firewall (a fake Windows machine, or none) and clock instead of this machine's.</summary>
    public static Result Run(IFirewallEnvironment firewall, TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FwkitCli.Run(args, new CliHost(stdout, stderr, firewall, clock));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs fwkit writing to a console of the given width and encoding.</summary>
    public static Result Run(ConsoleTarget console, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FwkitCli.Run(args, new CliHost(stdout, stderr, new UnsupportedPlatformEnvironment(), FixedClock.Default, console));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
