using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// Which behaviour of MSFT_NetFirewallRule's RuleGroup protection is real: puts on a stored rule
/// with a plain-text group, field by field. It passes either way and reports what Windows did
/// (test output and the job summary), so the docs can say so; fwkit never relies on either.
/// </summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
[NonParallelizable]
public class LiveGroupProtectionTests
{
    [Test]
    public void Report_which_fields_of_a_grouped_rule_Windows_lets_COM_change()
    {
        LiveWindows.RequireSwitch();
        var group = LiveWindows.UniqueGroup();
        var name = $"fwkit-ci-protection-{Guid.NewGuid():N}";
        var findings = new List<string>();
        using var policy = new NetFwPolicy(CoCreatedNetFwObjects.Instance);
        using var rules = policy.OpenRules();
        try
        {
            var record = new ComRuleRecord
            {
                Name = name, Description = "fwkit CI probe", Grouping = group, Direction = 1, Action = 0, Protocol = 6,
                LocalPorts = "65000", RemotePorts = "*", LocalAddresses = "*", RemoteAddresses = "192.0.2.1", InterfaceTypes = "All", Profiles = 1, Enabled = false,
            };
            using (var created = ComRuleWriter.CreateRule(policy, record))
            {
                rules.Add(created);
            }

            using var stored = rules.TryItem(name)!;
            var current = name;
            foreach (var (field, put) in new (string, Action<INetFwRule3>)[]
            {
                ("Description", r => r.put_Description("fwkit CI probe, changed")),
                ("ApplicationName", r => r.put_ApplicationName(@"C:\Windows\System32\svchost.exe")),
                ("ServiceName", r => r.put_ServiceName("Spooler")),
                ("Name", r => r.put_Name(current = name + "-renamed")),
            })
            {
                try
                {
                    put(stored.Interface);
                    findings.Add($"{field}: changed");
                }
                catch (Exception ex) when (ex is COMException or UnauthorizedAccessException)
                {
                    findings.Add($"{field}: refused, 0x{ex.HResult:X8} {ex.Message}");
                    if (field == "Name")
                    {
                        current = name;
                    }
                }
            }

            rules.Remove(current);
        }
        finally
        {
            rules.Remove(name);
            rules.Remove(name + "-renamed");
        }

        var report = $"RuleGroup protection through COM on {Environment.OSVersion}: " + string.Join("; ", findings);
        TestContext.Out.WriteLine(report);
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            File.AppendAllText(summary, "- " + report + Environment.NewLine);
        }

        Assert.That(findings, Has.Count.EqualTo(4));
    }
}
