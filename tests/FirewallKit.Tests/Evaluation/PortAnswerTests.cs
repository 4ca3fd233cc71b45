using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Evaluation;

/// <summary>A port evaluated once for every source gives each source the verdict a check of that one connection gives.</summary>
public class PortAnswerTests
{
    [Test]
    public void Every_source_gets_the_outcome_rule_and_reason_of_its_own_check()
    {
        var random = new Random(443);
        for (var round = 0; round < 300; round++)
        {
            var evaluator = new FirewallEvaluator(RandomRules.Generate(random, random.Next(0, 25)), RandomRules.Profiles(random));
            var port = RandomRules.Ports[random.Next(RandomRules.Ports.Length)];
            var protocol = random.Next(2) == 0 ? TransportProtocol.Tcp : TransportProtocol.Udp;
            foreach (var profile in new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public })
            {
                var answer = evaluator.ForPort(port, protocol, profile);
                foreach (var source in RandomRules.Sources.Append("127.0.0.1"))
                {
                    var address = System.Net.IPAddress.Parse(source);
                    var alone = evaluator.Evaluate(new ConnectionQuery(address, port, protocol), profile);

                    Assert.That(answer.For(address), Is.EqualTo(alone), $"round {round}: {source} to {protocol} {port} in {profile}");
                }
            }
        }
    }
}
