using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

public class RulePlannerEdgeTests
{
    [Test]
    public void Allowing_everything_but_loopback_writes_no_block_rule_with_an_empty_address_list()
    {
        // Everything except ::1, which Windows does not filter anyway: nothing is left to block,
        // and an empty list would read as Any and block the clients too.
        var plan = ProfileBuilder.SingleServer().Clients("0.0.0.0/0", "::", "::2-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").Plan();

        Assert.That(plan.Rules.Where(r => r.RemoteAddresses.EntryCount == 0).Select(r => r.Name), Is.Empty);
        Assert.That(FirewallEvaluator.Evaluate(plan.Rules, TestQueries.Of("10.1.1.1", 443, "tcp"), NetworkProfiles.Domain).IsAllowed, Is.True);
    }

    [Test]
    public void Peers_whose_subnets_add_up_to_every_address_are_refused()
    {
        var builder = ProfileBuilder.SingleServer().Peer("low", ["0.0.0.0/1"]).Peer("high", ["128.0.0.0/1"]);

        var ex = Assert.Throws<InputException>(() => builder.Build())!;

        Assert.That(ex.Errors.Select(e => (e.Path, e.Message)), Is.EqualTo(new[]
        {
            ("$.peers", "together the peers cover every IPv4 address, which would open the cluster ports to everyone"),
        }));
    }

    [Test]
    public void Peers_that_cover_half_of_the_address_space_are_still_peers()
    {
        var plan = ProfileBuilder.SingleServer().Peer("low", ["0.0.0.0/1"]).Peer("v6", ["fd00::/8"]).Plan();

        Assert.That(plan.Admits(5200, "10.0.0.1"), Is.True);
        Assert.That(plan.Admits(5200, "200.0.0.1"), Is.False);
    }
}
