using FirewallKit.Core.Machine;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Windows.Fake;
using FirewallKit.Windows;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows;

public class FirewallPolicyReaderTests
{
    [Test]
    public void Profiles_that_are_off_or_allow_inbound_and_the_group_policy_state_are_reported()
    {
        var fake = new FakeFirewall { LocalPolicyModifyState = 1 };
        fake.Profiles[FakeFirewall.ProfilePublic].FirewallEnabled = false;
        fake.Profiles[FakeFirewall.ProfileDomain].DefaultInboundAction = 1;
        using var policy = new NetFwPolicy(fake);

        var state = FirewallPolicyReader.Read(policy.Interface, elevated: true);

        Assert.That(state.FirewallOff, Is.EqualTo(NetworkProfiles.Public));
        Assert.That(state.DefaultInboundAllow, Is.EqualTo(NetworkProfiles.Domain));
        Assert.That(state.GroupPolicyOverridesLocalRules, Is.True);
        Assert.That(state.InboundBlockedByPolicy, Is.False);
        Assert.That(state.IsElevated, Is.True);
    }

    [Test]
    public void A_firewall_at_Windows_defaults_gives_nothing_to_warn_about()
    {
        using var policy = new NetFwPolicy(new FakeFirewall());

        var state = FirewallPolicyReader.Read(policy.Interface, elevated: false);

        Assert.That(state, Is.EqualTo(new Core.Machine.FirewallEnvironmentState(IsWindows: true, IsElevated: false, ServiceRunning: true)));
    }
}
