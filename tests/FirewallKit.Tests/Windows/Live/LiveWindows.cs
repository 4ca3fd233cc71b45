using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// Shared by the tests that change the real Windows firewall. They run only on Windows
/// (<c>[Platform("Win")]</c>) and only when <c>FWKIT_WINDOWS_TESTS=1</c> (the Windows CI
/// workflow sets it on a disposable runner), so a developer's <c>dotnet test</c> on Windows never
/// touches their machine's firewall. Each test works in a group of its own and removes it after.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class LiveWindows
{
    public const string Switch = "FWKIT_WINDOWS_TESTS";

    public static void RequireSwitch()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Assert.Ignore($"changes the machine's firewall: set {Switch}=1 to run (the Windows CI workflow does)");
        }
    }

    /// <summary>A group no other run uses.</summary>
    public static string UniqueGroup() => $"fwkit CI {Guid.NewGuid():N}";

    /// <summary>The cluster profile, written to <paramref name="directory"/> with its rules in <paramref name="group"/>.</summary>
    public static string ClusterProfileIn(TempDirectory directory, string group)
    {
        Directory.CreateDirectory(directory.Path);
        var path = Path.Combine(directory.Path, "cluster.json");
        File.WriteAllText(path, ProfileBuilder.Cluster("10.20.0.11", "10.20.0.12").Clients("10.0.0.0/8").Set("ruleGroup", group).ToJson());
        return path;
    }

    /// <summary>Removes every rule of <paramref name="group"/>, whoever wrote it; used in TearDown.</summary>
    public static void RemoveGroup(string group)
    {
        using var store = ComFirewallStore.Open();
        var listing = store.List(group);
        foreach (var name in listing.Rules.Select(r => r.Name).Distinct())
        {
            store.Remove(group, name);
        }

        Assert.That(store.List(group).Rules, Is.Empty, $"rules of group '{group}' left behind");
    }

    public sealed record ProcessResult(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Out}\n{Error}";
    }

    public static ProcessResult Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish in 5 minutes");
        }

        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
