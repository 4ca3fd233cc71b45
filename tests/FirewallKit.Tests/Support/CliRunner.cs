using System.Diagnostics;
using System.Text;
using FirewallKit.Cli;
using FirewallKit.Core.Machine;

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

    /// <summary>Set to a published fwkit binary (the Native AOT build in .ci/run) to run <see cref="RunBuilt"/> against it.</summary>
    public const string ExecutableVariable = "FWKIT_EXE";

    /// <summary>The binary named by <see cref="ExecutableVariable"/>, or null to run in-process.</summary>
    public static string? Executable => Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Runs the binary named by <see cref="ExecutableVariable"/> as a new process when it is set, else fwkit in-process.</summary>
    public static Result RunBuilt(params string[] args)
    {
        if (Executable is not { } executable)
        {
            return Run(args);
        }

        var start = new ProcessStartInfo(Path.GetFullPath(executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs fwkit against the given firewall (a fake Windows machine, or none) and clock instead of this machine's; its interfaces are <see cref="GivenInterfaces.Office"/>.</summary>
    public static Result Run(IFirewallEnvironment firewall, TimeProvider clock, params string[] args) => Run(firewall, clock, GivenInterfaces.Office, args);

    public static Result Run(IFirewallEnvironment firewall, TimeProvider clock, INetworkInterfaces network, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FwkitCli.Run(args, new CliHost(stdout, stderr, firewall, clock, network: network));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs fwkit against the given firewall, with <paramref name="liveAudit"/> as what audit reads without --rules.</summary>
    public static Result Run(IFirewallEnvironment firewall, LiveAudit liveAudit, TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FwkitCli.Run(args, new CliHost(stdout, stderr, firewall, clock, liveAudit: liveAudit));
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
