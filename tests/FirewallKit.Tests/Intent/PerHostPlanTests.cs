using FirewallKit.Core.Export;
using FirewallKit.Core.IO;
using FirewallKit.Core.Operations;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Intent;

/// <summary>
/// Issue 19: a server's plan (<c>--host</c>) opens only the ports of the roles it runs, and what it closes stays closed
/// beside another product's allow-all, for TCP and UDP. The hosts are those of profiles/multi-server.json.
/// </summary>
public class PerHostPlanTests
{
    private const string CpsHost = "10.20.0.10";
    private const string Pas1 = "10.20.0.21";
    private const string Pas2 = "fd00:20::22";

    private static RulePlan HostPlan(string host) => Planning.Plan(new PlanRequest(RepoPaths.Profile("multi-server.json"), Host: host));

    [TestCase(5200)]
    [TestCase(6789)]
    public void The_CPS_host_has_no_allow_rule_for_the_PAS_ports_and_blocks_them_from_the_PAS_servers_beside_an_allow_all(int port)
    {
        var plan = HostPlan("pon-cps");

        Assert.Multiple(() =>
        {
            Assert.That(plan.Rules.Where(r => r.Action == RuleAction.Allow && r.LocalPorts.Contains(port)), Is.Empty);
            foreach (var protocol in new[] { TransportProtocol.Tcp, TransportProtocol.Udp })
            {
                Assert.That(plan.ReachesBesideAllowAll(port, Pas1, protocol), Is.False, $"{protocol} {port} from pon-pas-1");
                Assert.That(plan.ReachesBesideAllowAll(port, Pas2, protocol), Is.False, $"{protocol} {port} from pon-pas-2");
            }
        });
    }

    [Test]
    public void The_CPS_host_keeps_the_storage_server_open_to_the_PAS_servers_since_the_catalog_puts_it_there()
    {
        var plan = HostPlan("pon-cps");

        Assert.That(plan.ReachesBesideAllowAll(9444, Pas1), Is.True);
    }

    [Test]
    public void A_PAS_server_admits_5200_from_the_other_PAS_server_and_blocks_it_from_the_CPS_host()
    {
        var plan = HostPlan("pon-pas-1");

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(5200, Pas2), Is.True);
            Assert.That(plan.ReachesBesideAllowAll(5200, CpsHost), Is.False);
            Assert.That(plan.ReachesBesideAllowAll(443, "10.10.0.5"), Is.False, "the CPS port is closed on a PAS server");
            Assert.That(plan.ReachesBesideAllowAll(8057, CpsHost), Is.True, "every server has a Configuration Manager");
        });
    }

    [Test]
    public void The_load_balancer_reaches_443_on_the_CPS_host_when_the_clients_do_not_contain_it()
    {
        var plan = ProfileBuilder.Cluster()
            .Peer("pon-cps", ["10.20.0.10"], "cps")
            .Peer("pon-pas", ["10.20.0.21"], "pas")
            .Clients("10.10.0.0/16")
            .LoadBalancers("10.20.0.5")
            .PlanFor("pon-cps");

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(443, "10.20.0.5"), Is.True);
            Assert.That(plan.ReachesBesideAllowAll(443, "10.20.0.6"), Is.False);
        });
    }

    [Test]
    public void Without_roles_every_host_gets_the_deployment_plan()
    {
        var deployment = Planning.Plan(new PlanRequest(RepoPaths.Profile("cluster.json")));
        var host = Planning.Plan(new PlanRequest(RepoPaths.Profile("cluster.json"), Host: "pon-app-1"));

        Assert.That(host.Hash, Is.EqualTo(deployment.Hash));
    }

    [Test]
    public void An_unknown_host_is_an_input_error_naming_the_servers()
    {
        var error = Assert.Throws<InputException>(() => HostPlan("pon-nope"))!;

        Assert.That(error.Errors[0].Fix, Does.Contain("pon-cps").And.Contain("pon-pdg"));
    }

    [Test]
    public void Plans_for_the_machine_find_the_host_by_its_addresses()
    {
        var machine = new GivenInterfaces(GivenInterfaces.Interface("Ethernet", up: true, loopback: false, ("10.20.0.21", 24)));

        var inputs = Planning.LoadForMachine(new PlanRequest(RepoPaths.Profile("multi-server.json")), machine);

        Assert.Multiple(() =>
        {
            Assert.That(inputs.Host?.Name, Is.EqualTo("pon-pas-1"));
            Assert.That(inputs.Plan.Source.Host, Is.EqualTo("pon-pas-1"));
        });
    }

    [Test]
    public void A_machine_that_is_no_server_of_the_deployment_is_asked_for_host()
    {
        var machine = new GivenInterfaces(GivenInterfaces.Interface("Ethernet", up: true, loopback: false, ("10.99.0.1", 24)));

        var error = Assert.Throws<InputException>(() => Planning.LoadForMachine(new PlanRequest(RepoPaths.Profile("multi-server.json")), machine))!;

        Assert.That(error.Errors[0].Fix, Does.Contain("--host"));
    }

    [Test]
    public void A_machine_with_the_addresses_of_two_servers_is_asked_for_host()
    {
        var machine = new GivenInterfaces(GivenInterfaces.Interface("Ethernet", up: true, loopback: false, ("10.20.0.10", 24), ("10.20.0.21", 24)));

        var error = Assert.Throws<InputException>(() => Planning.LoadForMachine(new PlanRequest(RepoPaths.Profile("multi-server.json")), machine))!;

        Assert.That(error.Errors[0].Fix, Does.Contain("--host").And.Contain("pon-cps, pon-pas-1"));
    }

    [Test]
    public void Per_role_export_writes_one_artefact_per_role_set_and_an_index()
    {
        var export = PlanExports.ExportPerRole(new PlanRequest(RepoPaths.Profile("multi-server.json")), Core.Export.ExportFormat.Json, new Core.IO.Provenance("fwkit export --format json"));

        Assert.Multiple(() =>
        {
            Assert.That(export.Artefacts.Select(a => a.FileName), Is.EqualTo(new[] { "roles-cps.json", "roles-pas.json", "roles-pds.json", "roles-pdg.json" }));
            Assert.That(export.Artefacts.Single(a => a.FileName == "roles-pas.json").Hosts, Is.EqualTo(new[] { "pon-pas-1", "pon-pas-2" }));
            Assert.That(export.Index, Does.Contain(PerRoleExport.Contract));
        });
    }
}
