using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Evaluation;

/// <summary>The audit's sweep hands each port exactly the rules a scan of every rule would, and so the same reachability.</summary>
public class PortSweepTests
{
    private static readonly NetworkProfiles[] EachProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    [Test]
    public void Each_port_gets_the_rules_whose_port_numbers_hold_it_in_rule_order()
    {
        var random = new Random(5200);
        for (var round = 0; round < 200; round++)
        {
            var rules = RandomRules.Generate(random, random.Next(0, 30));
            var ports = RandomRules.Ports.Where(_ => random.Next(3) > 0).Append(random.Next(1, 65536)).ToList();

            var byPort = PortSweep.RulesByPort(rules, ports);

            foreach (var port in ports)
            {
                Assert.That(byPort[port], Is.EqualTo(rules.Where(r => r.LocalPorts.Contains(port))), $"round {round}, port {port}");
            }
        }
    }

    [Test]
    public void Evaluating_many_targets_at_once_gives_each_the_reachability_it_gets_alone()
    {
        var random = new Random(631);
        for (var round = 0; round < 150; round++)
        {
            var evaluator = new FirewallEvaluator(RandomRules.Generate(random, random.Next(0, 25)), RandomRules.Profiles(random));
            var targets = RandomRules.Ports
                .SelectMany(p => new[] { new AuditTarget(p, TransportProtocol.Tcp), new AuditTarget(p, TransportProtocol.Udp) })
                .Where(_ => random.Next(2) == 0)
                .ToList();

            var together = evaluator.Evaluate(targets, EachProfile);

            for (var p = 0; p < EachProfile.Length; p++)
            {
                var profile = EachProfile[p];
                Assert.That(together[p].Select(ReachabilityText.Of), Is.EqualTo(targets.Select(t => ReachabilityText.Of(evaluator.Evaluate(t, profile)))), $"round {round}, {profile}");
            }
        }
    }
}
