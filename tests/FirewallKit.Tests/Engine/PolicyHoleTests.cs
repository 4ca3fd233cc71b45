using System.Globalization;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Export;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

/// <summary>
/// The holes of issue 12, each found by evaluating a plan the way Windows does beside a foreign
/// allow-all rule (as a product's installer may leave): one regression test per hole.
/// </summary>
public class PolicyHoleTests
{
    private const string Stranger = "203.0.113.50";

    private static ProfileBuilder Cluster() =>
        ProfileBuilder.Cluster("10.20.0.11", "10.20.0.12").Clients("10.0.0.0/8").Admins("10.30.0.0/24");

    [TestCase(true)]
    [TestCase(false)]
    public void Moved_port_keeps_its_default_port_blocked_and_says_where_the_service_went(bool featureOn)
    {
        var plan = Cluster().Feature("pdsAlternatePort", featureOn).MovePort("pds-alternate", 8090).MovePort("pdg-ipp-alternate", 8083).Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(8080, Stranger), Is.False, "the default port of the moved PDS alternate port");
            Assert.That(plan.ReachesBesideAllowAll(8081, Stranger), Is.False, "the default port of the moved PDG alternate port");
            Assert.That(plan.Port(8080).Decision, Is.EqualTo(Decision.Closed));
            Assert.That(plan.Port(8080).Entries, Is.EqualTo(new[] { "pds-alternate" }));
            Assert.That(plan.Port(8080).Reason, Does.Contain("moved to 8090"));
            Assert.That(plan.Port(8081).Reason, Does.Contain("moved to 8083"));
            Assert.That(plan.Port(8090).Decision, Is.EqualTo(featureOn ? Decision.Restricted : Decision.Closed));
            Assert.That(plan.ReachesBesideAllowAll(8090, "10.1.2.3"), Is.EqualTo(featureOn));
        });
    }

    [Test]
    public void Every_catalog_port_and_every_override_target_has_exactly_one_decision_row()
    {
        var plan = Cluster().With("pdsAlternatePort", "pdh").MovePort("pds-alternate", 8090).MovePort("pdh", 9100).Plan();
        var named = TestCatalog.PrinterOn.Entries.SelectMany(e => e.Ports).Append(8090).Append(9100).Distinct();

        foreach (var port in named)
        {
            var text = port.ToString(CultureInfo.InvariantCulture);
            Assert.That(plan.Ports.Count(p => p.PortText == text), Is.EqualTo(1), $"rows for {text}");
        }
    }

    [TestCase(10051)]
    [TestCase(48300)]
    [TestCase(49300)]
    [TestCase(50300)]
    [TestCase(4999)]
    [TestCase(5000)]
    [TestCase(5009)]
    [TestCase(5400)]
    [TestCase(80)]
    public void Closed_port_is_blocked_for_udp_as_well_as_tcp(int port)
    {
        var plan = Cluster().Plan();
        var row = plan.Port(port);

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(port, Stranger, TransportProtocol.Tcp), Is.False, "TCP");
            Assert.That(plan.ReachesBesideAllowAll(port, Stranger, TransportProtocol.Udp), Is.False, "UDP");
            Assert.That(row.Decision, Is.EqualTo(Decision.Closed));
            Assert.That(row.Protocol, Is.Null, "one row for both protocols");
            Assert.That(row.Rules.Where(r => r.Contains("-tcp-", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(row.Rules.Where(r => r.Contains("-udp-", StringComparison.Ordinal)), Is.Not.Empty);
            Assert.That(plan.RulesFor(port, TransportProtocol.Udp).Select(r => (r.Action, r.RemoteAddresses.IsAny)), Is.EqualTo(new[] { (RuleAction.Block, true) }));
            Assert.That(plan.RulesFor(port, TransportProtocol.Udp).Single().Name, Does.Contain("-udp-"));
        });
    }

    [Test]
    public void Allowed_port_stays_on_its_entrys_protocol()
    {
        var plan = Cluster().Plan();

        Assert.That(plan.Port(443).Protocol, Is.EqualTo(TransportProtocol.Tcp));
        Assert.That(plan.RulesFor(443, TransportProtocol.Udp), Is.Empty);
        Assert.That(plan.RulesFor(6310).Select(r => r.Protocol), Is.All.EqualTo(TransportProtocol.Tcp));
    }

    [Test]
    public void Closed_port_reaches_both_exports_as_a_tcp_and_a_udp_block_rule()
    {
        var plan = Cluster().Plan();

        var netsh = new NetshPlanExporter().Export(plan, TestProvenance.Netsh);
        var powershell = new PowerShellPlanExporter().Export(plan, TestProvenance.PowerShell);
        var json = JsonNode.Parse(new JsonPlanExporter().Export(plan))!;

        Assert.Multiple(() =>
        {
            Assert.That(netsh, Does.Contain("add rule name=fwkit-printeron-udp-10051-block dir=in action=block protocol=udp localport=10051 remoteip=any"));
            Assert.That(netsh, Does.Contain("add rule name=fwkit-printeron-tcp-10051-block dir=in action=block protocol=tcp localport=10051 remoteip=any"));
            Assert.That(powershell, Does.Contain("Name          = 'fwkit-printeron-udp-10051-block'"));
            Assert.That(powershell, Does.Contain("Protocol      = 'UDP'"));
            var row = json["ports"]!.AsArray().Single(p => p!["port"]!.GetValue<string>() == "10051")!;
            Assert.That(row["protocol"]!.GetValue<string>(), Is.EqualTo("Any"));
            Assert.That(row["rules"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "fwkit-printeron-tcp-10051-block", "fwkit-printeron-udp-10051-block" }));
        });
    }

    [Test]
    public void A_moved_port_may_not_land_on_a_port_number_of_another_protocol()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().With("pdsAlternatePort").MovePort("pds-alternate", 5353).Build());

        Assert.That(error!.Message, Does.Contain("$.portOverrides['pds-alternate']").And.Contain("collides with 'pdg-mdns'"));
    }

    private static readonly string[] HalvesOfEverything = ["0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1"];

    [Test]
    public void Peers_that_together_cover_every_address_are_refused()
    {
        var builder = ProfileBuilder.SingleServer();
        for (var i = 0; i < HalvesOfEverything.Length; i++)
        {
            builder.Peer($"half-{i}", [HalvesOfEverything[i]]);
        }

        var error = Assert.Throws<InputException>(() => builder.Build())!.Errors.Single();

        Assert.That((error.Path, error.Message), Is.EqualTo(("$.peers", "together the peers cover every address (Any), which would open the cluster ports to everyone")));
        Assert.That(error.Fix, Does.Contain("each peer's own addresses"));
    }

    [TestCase("admins", "TCP 8057")]
    [TestCase("loadBalancers", "TCP 443, TCP 8009")]
    [TestCase("localSubnets", "UDP 5353")]
    public void An_audience_of_particular_hosts_that_adds_up_to_a_whole_address_family_is_refused(string audience, string port)
    {
        var v4 = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().Set("addresses", new JsonObject { [audience] = new JsonArray("10.1.0.0/16", "0.0.0.0/1", "128.0.0.0/1") }).Build())!.Errors.Single();
        var any = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().Set("addresses", new JsonObject { [audience] = new JsonArray("Any") }).Build())!.Errors.Single();

        Assert.Multiple(() =>
        {
            Assert.That(v4.Path, Is.EqualTo($"$.addresses.{audience}"));
            Assert.That(v4.Message, Is.EqualTo($"together the entries of addresses.{audience} cover every IPv4 address, which would open {port} to everyone"));
            Assert.That(v4.Fix, Does.Contain("own addresses or subnets"));
            Assert.That(any.Message, Does.Contain("cover every address (Any)"));
        });
    }

    [Test]
    public void Clients_may_be_everyone()
    {
        var plan = ProfileBuilder.SingleServer().Clients(HalvesOfEverything).Plan();

        Assert.That(plan.Port(443).Decision, Is.EqualTo(Decision.Open));
    }

    [TestCase(true, false, true)]
    [TestCase(false, false, false)]
    [TestCase(true, true, false)]
    public void Legacy_port_4999_follows_the_PDS_switches_like_631(bool printWhere, bool pdh, bool openToClients)
    {
        var builder = ProfileBuilder.SingleServer().Version("3.2.2").Feature("printWhere", printWhere).Feature("pdh", pdh);
        var plan = (pdh ? builder.MovePort("pdh", 9100) : builder).Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(4999, Stranger), Is.EqualTo(openToClients));
            Assert.That(plan.ReachesBesideAllowAll(631, Stranger), Is.EqualTo(openToClients), "631 decides the same");
            Assert.That(plan.Port(4999).Decision, Is.EqualTo(openToClients ? Decision.Open : Decision.Closed));
        });
        if (!openToClients)
        {
            Assert.That(plan.Port(4999).Reason, Does.Contain("no flow reaches it"));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Legacy_port_5000_is_open_only_while_the_PDG_is_on_like_6310(bool pdg)
    {
        var plan = ProfileBuilder.SingleServer().Version("3.2.3").Feature("pdg", pdg).Plan();

        Assert.That(plan.ReachesBesideAllowAll(5000, Stranger), Is.EqualTo(pdg));
        Assert.That(plan.ReachesBesideAllowAll(6310, Stranger), Is.EqualTo(pdg), "6310 decides the same");
        Assert.That(plan.Port(5000).Reason, pdg ? Does.Contain("PDG legacy port") : Does.Contain("'pdg' on"));
    }

    [Test]
    public void The_legacy_ports_follow_their_owner_by_catalog_data_not_code()
    {
        var catalog = TestCatalog.PrinterOn;
        var legacy4999 = catalog.FindEntry("pds-legacy-4999")!.ReachedBy.Select(r => (r.From, r.When));
        var pds631 = catalog.FindEntry("pds-ipp")!.ReachedBy.Select(r => (r.From, r.When));

        Assert.That(legacy4999, Is.EqualTo(pds631));
        Assert.That(catalog.FindEntry("pdg-legacy-5000")!.ReachedBy.Select(r => r.When.Feature), Is.All.EqualTo("pdg"));
    }

    [Test]
    public void Brother_bsi_is_open_to_the_printer_subnets_not_to_the_clients()
    {
        var plan = Cluster().With("brotherBsi").Printers("10.70.0.0/24").Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(8182, "10.70.0.9"), Is.True, "a printer");
            Assert.That(plan.ReachesBesideAllowAll(8182, "10.1.2.3"), Is.False, "a client desktop");
            Assert.That(plan.ReachesBesideAllowAll(8182, Stranger), Is.False);
            Assert.That(plan.Port(8182).AllowedFrom.Select(a => a.Audience), Is.EqualTo(new[] { "printers" }));
        });
    }

    [Test]
    public void Brother_bsi_without_a_printer_set_is_refused_with_a_fix()
    {
        var error = Assert.Throws<InputException>(() => Cluster().With("brotherBsi").Build())!.Errors.Single();

        Assert.That(error.Path, Is.EqualTo("$.features.brotherBsi"));
        Assert.That(error.Message, Does.Contain("addresses.printers"));
        Assert.That(error.Fix, Does.Contain("\"printers\"").And.Contain("switch off \"brotherBsi\""));
    }

    [Test]
    public void Catalog_notes_say_what_is_assumed()
    {
        var catalog = TestCatalog.PrinterOn;
        var alternate = catalog.FindEntry("pds-alternate")!;
        var printWhere = catalog.FindEntry("printwhere-internal")!;

        Assert.Multiple(() =>
        {
            Assert.That(alternate.Unconfirmed, Is.True, "8080 reached by PAS servers is an inference");
            Assert.That(alternate.Note, Does.StartWith("UNCONFIRMED").And.Contain("PAS servers"));
            Assert.That(printWhere.Note, Does.Contain("UNCONFIRMED").And.Contain("Block by firewall"));
            Assert.That(printWhere.Vendor!.ToDisable, Is.EqualTo("Block by firewall."), "the note rests on the vendor's words");
        });
    }

    [TestCase(5200)]
    [TestCase(5400)]
    public void The_pre_5_1_PAS_listeners_agree_between_id_component_and_display_name(int port)
    {
        var entry = TestCatalog.PrinterOn.Entries.Single(e => e.Ports.Contains(port) && e.DeprecatedIn is not null);
        var server = entry.Component.Contains("Status", StringComparison.Ordinal) ? "Status" : "Processing";

        Assert.That(entry.Component, Is.EqualTo($"PAS ({server})"));
        Assert.That(entry.DisplayName, Does.Contain($"{server} server listener"));
        Assert.That(entry.Id, Does.StartWith($"pas-{server.ToLowerInvariant()}-"));
        Assert.That(server, Is.EqualTo(port == 5200 ? "Processing" : "Status"), "PrinterOn's configuration files: 5200 Processing, 5400 Status");
    }
}
