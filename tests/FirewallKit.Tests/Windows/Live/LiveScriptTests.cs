using System.Runtime.Versioning;
using System.Text;
using FirewallKit.Core.Export;
using FirewallKit.Core.Operations;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// The exported scripts on the runner's real firewall: the .ps1 under Windows PowerShell 5.1
/// (powershell.exe) and PowerShell 7 (pwsh) with -WhatIf, a real run and a second run that
/// changes nothing; the .cmd under cmd.exe. Each works in a group of its own, removed after.
/// </summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
[NonParallelizable]
public class LiveScriptTests
{
    private TempDirectory _files = null!;
    private string _group = null!;
    private string _profile = null!;

    [SetUp]
    public void UniqueGroup()
    {
        LiveWindows.RequireSwitch();
        _files = new TempDirectory();
        _group = LiveWindows.UniqueGroup();
        _profile = LiveWindows.ClusterProfileIn(_files, _group);
    }

    [TearDown]
    public void Cleanup()
    {
        try
        {
            if (_group is not null && Environment.GetEnvironmentVariable(LiveWindows.Switch) == "1")
            {
                LiveWindows.RemoveGroup(_group);
            }
        }
        finally
        {
            _files?.Dispose();
        }
    }

    [Test]
    public void The_exported_PowerShell_script_writes_to_the_local_GPO_store_and_removes_from_it()
    {
        // -PolicyStore localhost is the local Group Policy Object (New-NetFirewallRule's PolicyStore documentation).
        var plan = Planning.Plan(new PlanRequest(_profile));
        var script = Path.Combine(_files.Path, "fwkit-gpo.ps1");
        File.WriteAllText(script, new PowerShellPlanExporter().Export(plan, TestProvenance.PowerShell), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        string[] run = ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", script, "-PolicyStore", "localhost"];
        var count = $"@(Get-NetFirewallRule -PolicyStore localhost -Group '{_group.Replace("'", "''", StringComparison.Ordinal)}' -ErrorAction SilentlyContinue).Count";

        var applied = LiveWindows.Run("powershell.exe", run);
        var held = LiveWindows.Run("powershell.exe", "-NoProfile", "-Command", count);
        var removed = LiveWindows.Run("powershell.exe", [.. run, "-Remove"]);
        var left = LiveWindows.Run("powershell.exe", "-NoProfile", "-Command", count);

        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());
        Assert.That(held.Out.Trim(), Is.EqualTo(plan.Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), held.ToString());
        Assert.That(removed.ExitCode, Is.Zero, removed.ToString());
        Assert.That(left.Out.Trim(), Is.EqualTo("0"), left.ToString());
    }

    [TestCase("powershell.exe")]
    [TestCase("pwsh")]
    public void The_exported_PowerShell_script_previews_applies_and_then_changes_nothing(string shell)
    {
        var plan = Planning.Plan(new PlanRequest(_profile));
        var script = Path.Combine(_files.Path, "fwkit.ps1");
        // Windows PowerShell 5.1 reads a script without a BOM in the ANSI code page.
        File.WriteAllText(script, new PowerShellPlanExporter().Export(plan, TestProvenance.PowerShell), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        string[] run = ["-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-File", script];

        var preview = LiveWindows.Run(shell, [.. run, "-WhatIf"]);
        Assert.That(preview.ExitCode, Is.Zero, preview.ToString());
        Assert.That(GroupRules(), Is.Empty, "-WhatIf changed nothing");

        var first = LiveWindows.Run(shell, run);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(GroupRules(), Has.Count.EqualTo(plan.Rules.Count));

        var second = LiveWindows.Run(shell, run);
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Out, Does.Contain("No change"), second.ToString());
    }

    [Test]
    public void The_exported_netsh_script_runs_under_cmd_and_again()
    {
        var plan = Planning.Plan(new PlanRequest(_profile));
        var script = Path.Combine(_files.Path, "fwkit.cmd");
        File.WriteAllText(script, new NetshPlanExporter().Export(plan, TestProvenance.Netsh), Encoding.ASCII);
        try
        {
            var first = LiveWindows.Run("cmd.exe", "/d", "/c", script);
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            foreach (var rule in plan.Rules)
            {
                var shown = LiveWindows.Run("netsh", "advfirewall", "firewall", "show", "rule", $"name={rule.Name}");
                Assert.That(shown.ExitCode, Is.Zero, $"{rule.Name}: {shown}");
            }

            var second = LiveWindows.Run("cmd.exe", "/d", "/c", script);
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
        }
        finally
        {
            // netsh cannot set a group: its rules are found by their names.
            foreach (var rule in plan.Rules)
            {
                LiveWindows.Run("netsh", "advfirewall", "firewall", "delete", "rule", $"name={rule.Name}");
            }
        }
    }

    private IReadOnlyList<string> GroupRules()
    {
        using var store = ComFirewallStore.Open();
        return [.. store.List(_group).Rules.Select(r => r.Name)];
    }
}
