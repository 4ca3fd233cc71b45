using System.Runtime.Versioning;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Live;

/// <summary>
/// The live audit reader over the runner's built-in rules, read-only: every rule Windows ships must
/// be read (a keyword or port spelling fwkit cannot parse is named here), and nothing is written.
/// </summary>
[Platform("Win")]
[SupportedOSPlatform("windows")]
public class LiveReadOnlyTests
{
    [Test]
    public void The_live_audit_reads_every_built_in_rule_of_the_real_firewall()
    {
        LiveWindows.RequireSwitch();

        var observed = new ComRuleSource(CoCreatedNetFwObjects.Instance, Environment.MachineName).Read();

        TestContext.Out.WriteLine($"{observed.Rules.Count} rules read; notes: {string.Join(" | ", observed.Notes)}");
        Assert.That(observed.Rules, Has.Count.GreaterThan(100), "a Windows runner ships hundreds of rules");
        Assert.That(observed.Notes, Has.None.Contains("could not").And.None.Contains("cannot read"), "every built-in rule was understood");
    }

    [Test]
    public void The_registry_stores_are_read_and_every_rule_string_of_the_machine_is_understood()
    {
        LiveWindows.RequireSwitch();

        var observed = new RegistryStoreRuleSource(new ComRuleSource(CoCreatedNetFwObjects.Instance, Environment.MachineName), new WindowsRegistryValues()).Read();

        TestContext.Out.WriteLine(string.Join(" | ", observed.Notes));
        Assert.That(observed.Notes, Has.Some.StartsWith("stores from the registry:"));
        Assert.That(new WindowsRegistryValues().Read(Core.Registry.FirewallPolicyKeys.Local + @"\FirewallRules"), Has.Count.GreaterThan(100), "the local store holds the built-in rules");
    }
}
