using FirewallKit.Core.Operations;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Flows;

/// <summary>
/// Over generated multi-role deployments: every server's own plan admits every flow the catalog says it receives,
/// so `fwkit flows` without --rules never reports a blocked flow, and never pairs a server with itself.
/// </summary>
public class FlowPropertyTests
{
    private const int Seed = 20261120;

    [Test]
    public void The_plans_of_generated_deployments_admit_every_flow_between_their_servers()
    {
        var generator = new RandomProfiles(Seed);
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var checkedFlows = 0;
        for (var i = 0; i < 60; i++)
        {
            var generated = generator.Next();
            if (generated.Peers.Count < 2)
            {
                continue;
            }

            var json = generated.Json.ToJsonString();
            var path = Path.Combine(folder.Path, $"generated-{i}.json");
            File.WriteAllText(path, json);
            var report = FlowCheck.Run(new FlowsRequest(new PlanRequest(path), new Dictionary<string, string>()));
            checkedFlows += report.Flows.Count;

            Assert.Multiple(() =>
            {
                Assert.That(report.Flows.Where(f => !f.Admitted).Select(f => $"{f.Protocol} {f.Port} {f.Source}→{f.Destination} {f.FirewallProfile}: {f.DecidedBy}"), Is.Empty, $"case {i}: {json}");
                Assert.That(report.Flows.Where(f => f.Source == f.Destination), Is.Empty, $"case {i}");
            });
        }

        Assert.That(checkedFlows, Is.GreaterThan(100), "the generator made too few multi-server deployments");
    }
}
