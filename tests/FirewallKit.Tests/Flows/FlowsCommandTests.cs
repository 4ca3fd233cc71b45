using System.Text.Json.Nodes;
using FirewallKit.Cli;
using FirewallKit.Core.Flows;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Audit;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Flows;

/// <summary>
/// Issue 19 item 3: <c>fwkit flows</c> lists every flow the catalog names between the servers of profiles/multi-server.json
/// and judges each by the destination's plan, or by its real rules given as a netsh dump.
/// </summary>
public class FlowsCommandTests
{
    private static readonly string MultiServer = RepoPaths.Profile("multi-server.json");

    private static FlowReport Report(IReadOnlyDictionary<string, string>? rules = null) =>
        FlowCheck.Run(new FlowsRequest(new PlanRequest(MultiServer), rules ?? new Dictionary<string, string>()));

    [Test]
    public void Every_catalog_flow_between_the_hosts_is_listed_and_admitted_by_their_plans()
    {
        var report = Report();
        var pairs = report.Flows.Select(f => (f.Port, f.Source, f.Destination)).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(report.AllAdmitted, Is.True);
            Assert.That(pairs, Does.Contain((5200, "pon-pas-1", "pon-pas-2")).And.Contain((5200, "pon-pas-2", "pon-pas-1")), "PAS ↔ PAS, both ways");
            Assert.That(pairs, Does.Contain((631, "pon-pas-1", "pon-pds-branch")).And.Contain((631, "pon-pas-2", "pon-pds-branch")), "PAS → PDS");
            Assert.That(pairs, Does.Contain((8057, "pon-pdg", "pon-cps")), "child servers → Configuration Manager");
            Assert.That(pairs, Does.Contain((443, "pon-pds-branch", "pon-cps")), "servers → CPS");
            Assert.That(pairs, Does.Contain((9444, "pon-pas-2", "pon-cps")), "PAS → Storage Server");
            Assert.That(pairs.Where(p => p.Source == p.Destination), Is.Empty, "a server is never its own flow");
            Assert.That(pairs.Where(p => p.Port == 5200 && (p.Source == "pon-cps" || p.Destination == "pon-cps")), Is.Empty, "only PAS servers run 5200");
        });
    }

    [Test]
    public void The_cli_exits_0_with_the_json_contract()
    {
        var result = CliRunner.Run("flows", "--profile", MultiServer, "--format", "json");
        var json = JsonNode.Parse(result.Out)!;

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
            Assert.That(json["contract"]!.GetValue<string>(), Is.EqualTo(FlowReport.ContractVersion));
            Assert.That(json["allAdmitted"]!.GetValue<bool>(), Is.True);
            Assert.That(json["flows"]!.AsArray(), Is.Not.Empty);
        });
    }

    [Test]
    public void Netsh_dumps_of_every_host_pass_and_a_disabled_5200_allow_on_pon_pas_2_is_named()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var inputs = Planning.Load(new PlanRequest(MultiServer));
        var args = new List<string> { "flows", "--profile", MultiServer };
        foreach (var host in Planning.HostPlans(inputs))
        {
            var file = Path.Combine(folder.Path, host.Host + ".txt");
            File.WriteAllText(file, DumpWriter.Netsh(host.Plan.Rules.Select(DumpWriter.FromPlan)));
            args.AddRange(["--rules", $"{host.Host}={file}"]);
        }

        var passing = CliRunner.Run([.. args]);
        var pas2 = Path.Combine(folder.Path, "pon-pas-2.txt");
        var pas2Rules = Planning.HostPlans(inputs).Single(h => h.Host == "pon-pas-2").Plan.Rules
            .Select(DumpWriter.FromPlan)
            .Select(r => r.Id == "fwkit-printeron-tcp-5200-allow" ? r with { Enabled = false } : r);
        File.WriteAllText(pas2, DumpWriter.Netsh(pas2Rules));
        var failing = CliRunner.Run([.. args]);

        Assert.Multiple(() =>
        {
            Assert.That(passing.ExitCode, Is.EqualTo(ExitCodes.Success), passing.Out + passing.Error);
            Assert.That(failing.ExitCode, Is.EqualTo(ExitCodes.Drift));
            var blocked = failing.Out[failing.Out.IndexOf("Blocked", StringComparison.Ordinal)..];
            Assert.That(blocked, Does.Contain("TCP 5200 from pon-pas-1").And.Contain("to pon-pas-2"));
            Assert.That(blocked, Does.Not.Contain("6789"), "only the disabled rule's port is blocked");
        });
    }

    [Test]
    public void Rules_for_a_host_that_is_not_a_server_is_an_input_error()
    {
        var error = Assert.Throws<InputException>(() => Report(new Dictionary<string, string> { ["pon-nope"] = "x.txt" }))!;

        Assert.That(error.Errors[0].Fix, Does.Contain("pon-pas-1"));
    }
}
