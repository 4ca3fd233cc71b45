using FirewallKit.Core.Engine;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Operations;

public class PlanningTests
{
    /// <summary>
    /// Planning.HostRules plans once per set of roles: that holds only while a server's plan depends on the server
    /// through its roles alone, apart from texts that name it. A planner that starts to use more of the host fails here.
    /// </summary>
    [TestCase("multi-server.json")]
    [TestCase("cluster.json")]
    public void Each_server_gets_the_rules_of_its_own_plan_but_for_the_texts_that_name_it(string profileName)
    {
        var inputs = Planning.Load(new PlanRequest(RepoPaths.Profile(profileName)));

        var hostRules = Planning.HostRules(inputs);

        Assert.That(hostRules.Keys, Is.EquivalentTo(inputs.Profile.Peers.Select(p => p.Name)));
        foreach (var peer in inputs.Profile.Peers)
        {
            var own = RulePlanner.Plan(inputs.Catalog, inputs.Profile, host: peer).Rules;
            Assert.That(hostRules[peer.Name].Select(WithoutTexts), Is.EqualTo(own.Select(WithoutTexts)), peer.Name);
        }
    }

    [Test]
    public void Servers_with_the_same_roles_share_one_planned_rule_list()
    {
        var inputs = Planning.Load(new PlanRequest(RepoPaths.Profile("multi-server.json")));

        var hostRules = Planning.HostRules(inputs);

        Assert.That(hostRules["pon-pas-2"], Is.SameAs(hostRules["pon-pas-1"]));
    }

    private static FirewallRule WithoutTexts(FirewallRule rule) => rule with { Description = string.Empty };
}
