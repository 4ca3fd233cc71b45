using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Engine;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Intent;

/// <summary>
/// The intent of the PrinterOn 5.1+ rules, stated port by port for each shipped profile and checked
/// with the connection evaluator. The expectations are written out here, not derived from the catalog,
/// so a catalog or planner change that alters who gets in fails a test.
/// </summary>
public class ShippedProfileIntentTests
{
    /// <summary>Who knocks, in the column order of the tables: A = allowed, B = blocked.</summary>
    private static readonly string[] Sources =
    [
        "10.20.0.11",   // peer (IPv4) of cluster.json
        "fd00:20::13",  // peer (IPv6) of cluster.json
        "192.0.2.10",   // outside the cluster and its client networks (IPv4)
        "2001:db8::10", // outside the cluster and its client networks (IPv6)
        "10.30.0.5",    // admin workstation (10.30.0.0/24 in every shipped profile)
        "fd00:30::5",   // admin workstation by IPv6 (an admin only in pdg-disabled.json)
        "10.50.0.7",    // client (IPv4)
        "fd00:50::7",   // client (IPv6)
    ];

    private const string All = "AAAAAAAA";
    private const string None = "BBBBBBBB";

    // cluster.json: 5.1.2, peers 10.20.0.11, 10.20.0.12, fd00:20::13 (every role), clients 10.0.0.0/8 + fd00::/16,
    // admins 10.30.0.0/24, pdg, printPreview, printWhere and pdsAlternatePort (moved to 8090) on.
    private static readonly (string Port, string Expected, string Why)[] Cluster =
    [
        ("tcp/80", None, "http80 is off"),
        ("tcp/443", "AABBAAAA", "CPS: the clients, and the peers for licensing"),
        ("tcp/631", "AABBAAAA", "PDS: PAS peers and PrintWhere clients"),
        ("tcp/4999", None, "deprecated in 3.2.3"),
        ("tcp/5000", None, "deprecated in 3.2.4"),
        ("tcp/5009", None, "deprecated in 5.1.0"),
        ("tcp/5200", "AABBBBBB", "cluster port: peers only"),
        ("udp/5353", None, "airPrintDiscovery is off"),
        ("tcp/5400", None, "deprecated in 5.1.0"),
        ("tcp/6310", "AABBAAAA", "PDG is on: its clients"),
        ("tcp/6789", "AABBBBBB", "cluster port: peers only"),
        ("tcp/8009", None, "ajp is off"),
        ("tcp/8057", "AABBABBB", "Configuration Manager: the admin set, and peers syncing with the parent"),
        ("tcp/8080", None, "the PDS alternate port was moved to 8090"),
        ("tcp/8081", "AABBAAAA", "PDG is on: its clients"),
        ("tcp/8090", "AABBAAAA", "PDS alternate port at its override: PAS peers and PrintWhere clients"),
        ("tcp/8181", None, "webRelease is off"),
        ("tcp/8182", None, "brotherBsi is off"),
        ("tcp/9444", "AABBBBBB", "printPreview is on: PAS peers write previews"),
        ("tcp/10051", None, "local IPC"),
        ("tcp/48300", None, "local IPC"),
        ("tcp/49300", None, "local IPC"),
        ("tcp/50300", None, "local IPC"),
    ];

    // single-server.json: 5.1.2, clients Any, admins 10.30.0.0/24, pdg, webRelease and printWhere on.
    private static readonly (string Port, string Expected, string Why)[] SingleServer =
    [
        ("tcp/80", None, "http80 is off"),
        ("tcp/443", All, "CPS: clients are everyone"),
        ("tcp/631", All, "PDS: PrintWhere clients are everyone"),
        ("tcp/4999", None, "deprecated in 3.2.3"),
        ("tcp/5000", None, "deprecated in 3.2.4"),
        ("tcp/5009", None, "deprecated in 5.1.0"),
        ("tcp/5200", None, "cluster port on a single server: local IPC only"),
        ("udp/5353", None, "airPrintDiscovery is off"),
        ("tcp/5400", None, "deprecated in 5.1.0"),
        ("tcp/6310", All, "PDG is on"),
        ("tcp/6789", None, "cluster port on a single server: local IPC only"),
        ("tcp/8009", None, "ajp is off"),
        ("tcp/8057", "BBBBABBB", "Configuration Manager: the IPv4 admin set only"),
        ("tcp/8080", None, "pdsAlternatePort is off"),
        ("tcp/8081", All, "PDG is on"),
        ("tcp/8181", All, "webRelease is on"),
        ("tcp/8182", None, "brotherBsi is off"),
        ("tcp/9444", None, "printPreview is off"),
        ("tcp/10051", None, "local IPC"),
        ("tcp/48300", None, "local IPC"),
        ("tcp/49300", None, "local IPC"),
        ("tcp/50300", None, "local IPC"),
    ];

    // pdg-disabled.json: 5.1.2, clients Any, admins 10.30.0.0/24 + fd00:30::/64, pdg off, printWhere on.
    private static readonly (string Port, string Expected, string Why)[] PdgDisabled =
    [
        ("tcp/80", None, "http80 is off by default"),
        ("tcp/443", All, "CPS: clients are everyone"),
        ("tcp/631", All, "PDS: PrintWhere clients are everyone"),
        ("tcp/4999", None, "deprecated in 3.2.3"),
        ("tcp/5000", None, "deprecated in 3.2.4"),
        ("tcp/5009", None, "deprecated in 5.1.0"),
        ("tcp/5200", None, "cluster port on a single server"),
        ("udp/5353", None, "airPrintDiscovery is off"),
        ("tcp/5400", None, "deprecated in 5.1.0"),
        ("tcp/6310", None, "PDG is off"),
        ("tcp/6789", None, "cluster port on a single server"),
        ("tcp/8009", None, "ajp is off by default"),
        ("tcp/8057", "BBBBAABB", "Configuration Manager: the IPv4 and IPv6 admin sets"),
        ("tcp/8080", None, "pdsAlternatePort is off by default"),
        ("tcp/8081", None, "PDG is off"),
        ("tcp/8181", None, "webRelease is off by default"),
        ("tcp/8182", None, "brotherBsi is off by default"),
        ("tcp/9444", None, "printPreview is off by default"),
        ("tcp/10051", None, "local IPC"),
        ("tcp/48300", None, "local IPC"),
        ("tcp/49300", None, "local IPC"),
        ("tcp/50300", None, "local IPC"),
    ];

    /// <summary>multi-server.json has peers with roles, a load balancer and named local subnets, so it has its own columns.</summary>
    private static readonly string[] MultiServerSources =
    [
        "10.20.0.21",   // PAS peer (IPv4)
        "fd00:20::22",  // PAS peer (IPv6)
        "10.20.0.10",   // CPS peer (a peer, but not a PAS server)
        "10.60.0.5",    // PDS peer, inside the local subnets
        "192.0.2.10",   // outside (IPv4)
        "2001:db8::10", // outside (IPv6)
        "10.30.0.5",    // admin
        "10.20.0.5",    // load balancer
        "10.50.0.7",    // client
        "10.60.1.9",    // client inside the local subnets (10.60.0.0/22)
    ];

    // multi-server.json: 5.1.2, peers by role (cps, 2 × pas, pds, pdg), clients 10.0.0.0/8 + fd00::/16, admins 10.30.0.0/24,
    // load balancer 10.20.0.5, local subnets 10.60.0.0/22; pdg, airPrintDiscovery, printPreview, printWhere and ajp on.
    private static readonly (string Port, string Expected, string Why)[] MultiServer =
    [
        ("tcp/80", "BBBBBBBBBB", "http80 is off"),
        ("tcp/443", "AAAABBAAAA", "CPS: the clients and every peer"),
        ("tcp/631", "AAAABBAAAA", "PDS: PAS peers and PrintWhere clients"),
        ("tcp/4999", "BBBBBBBBBB", "deprecated in 3.2.3"),
        ("tcp/5000", "BBBBBBBBBB", "deprecated in 3.2.4"),
        ("tcp/5009", "BBBBBBBBBB", "deprecated in 5.1.0"),
        ("tcp/5200", "AABBBBBBBB", "cluster port: PAS peers only, not the CPS or PDS host"),
        ("udp/5353", "BBBABBBBBA", "Bonjour: the local subnets only"),
        ("tcp/5400", "BBBBBBBBBB", "deprecated in 5.1.0"),
        ("tcp/6310", "AAAABBAAAA", "PDG is on: its clients"),
        ("tcp/6789", "AABBBBBBBB", "cluster port: PAS peers only"),
        ("tcp/8009", "BBBBBBBABB", "AJP: the load balancer only"),
        ("tcp/8057", "AAAABBABBB", "Configuration Manager: the admin set and every peer (child sync)"),
        ("tcp/8080", "BBBBBBBBBB", "pdsAlternatePort is off"),
        ("tcp/8081", "AAAABBAAAA", "PDG is on: its clients"),
        ("tcp/8181", "BBBBBBBBBB", "webRelease is off"),
        ("tcp/8182", "BBBBBBBBBB", "brotherBsi is off"),
        ("tcp/9444", "AABBBBBBBB", "printPreview is on: PAS peers only"),
        ("tcp/10051", "BBBBBBBBBB", "local IPC"),
        ("tcp/48300", "BBBBBBBBBB", "local IPC"),
        ("tcp/49300", "BBBBBBBBBB", "local IPC"),
        ("tcp/50300", "BBBBBBBBBB", "local IPC"),
    ];

    private static readonly Dictionary<string, (string Port, string Expected, string Why)[]> Tables = new()
    {
        ["cluster.json"] = Cluster,
        ["single-server.json"] = SingleServer,
        ["pdg-disabled.json"] = PdgDisabled,
        ["multi-server.json"] = MultiServer,
    };

    private static string[] SourcesOf(string profileFile) => profileFile == "multi-server.json" ? MultiServerSources : Sources;

    public static IEnumerable<TestCaseData> Rows() =>
        Tables.SelectMany(t => t.Value.Select(row => new TestCaseData(t.Key, row.Port, row.Expected).SetArgDisplayNames(t.Key, row.Port, row.Why)));

    [TestCaseSource(nameof(Rows))]
    public void Each_port_admits_exactly_the_intended_sources(string profileFile, string port, string expected)
    {
        var (profile, rules) = Shipped(profileFile);

        foreach (var firewallProfile in Each(profile.NetworkProfiles))
        {
            Assert.That(Answers(rules, port, firewallProfile, SourcesOf(profileFile)), Is.EqualTo(expected), $"{port} in the {firewallProfile} profile; columns: {string.Join(", ", SourcesOf(profileFile))}");
        }
    }

    [TestCase("cluster.json")]
    [TestCase("single-server.json")]
    [TestCase("pdg-disabled.json")]
    [TestCase("multi-server.json")]
    public void The_table_covers_every_catalog_port_at_its_overridden_number(string profileFile)
    {
        var (profile, _) = Shipped(profileFile);
        var catalogPorts = TestCatalog.PrinterOn.Entries
            .SelectMany(e => (profile.PortOverrides.TryGetValue(e.Id, out var moved) ? [moved] : e.Ports).Select(p => Key(e.Protocol, p)))
            .ToHashSet();

        Assert.That(Tables[profileFile].Select(r => r.Port), Is.SupersetOf(catalogPorts));
    }

    [TestCase("cluster.json")]
    [TestCase("pdg-disabled.json")]
    [TestCase("multi-server.json")]
    public void Firewall_profiles_the_profile_leaves_out_fall_to_the_default_block(string profileFile)
    {
        var (profile, rules) = Shipped(profileFile);
        var others = Each(NetworkProfiles.All & ~profile.NetworkProfiles).ToList();

        Assert.That(others, Is.Not.Empty);
        foreach (var firewallProfile in others)
        {
            foreach (var (port, _, _) in Tables[profileFile])
            {
                Assert.That(Answers(rules, port, firewallProfile, SourcesOf(profileFile)), Is.Not.Contains("A"), $"{port} in {firewallProfile}");
            }
        }
    }

    [TestCase("cluster.json")]
    [TestCase("single-server.json")]
    [TestCase("pdg-disabled.json")]
    [TestCase("multi-server.json")]
    public void Loopback_reaches_every_port_because_Windows_does_not_filter_it(string profileFile)
    {
        var (profile, rules) = Shipped(profileFile);
        var evaluator = FirewallEvaluator.Of(rules);

        foreach (var (port, _, _) in Tables[profileFile])
        {
            var (protocol, number) = Parse(port);
            foreach (var from in new[] { "127.0.0.1", "::1" })
            {
                Assert.That(evaluator.Evaluate(new ConnectionQuery(IPAddress.Parse(from), number, protocol), NetworkProfiles.Domain).IsAllowed, Is.True, $"{port} from {from}");
            }
        }
    }

    // Deprecated ports keep their old role before the deprecation version and are blocked from it on.
    [TestCase("3.2.2", "tcp/4999", "AABBAAAA")]
    [TestCase("3.2.3", "tcp/4999", None)]
    [TestCase("3.2.3", "tcp/5000", "AABBAAAA")]
    [TestCase("3.2.4", "tcp/5000", None)]
    [TestCase("5.0.9", "tcp/5009", "AABBBBBB")]
    [TestCase("5.0.9", "tcp/5200", "AABBBBBB")]
    [TestCase("5.0.9", "tcp/5400", "AABBBBBB")]
    [TestCase("5.1.0", "tcp/5009", None)]
    [TestCase("5.1.0", "tcp/5200", "AABBBBBB")]
    [TestCase("5.1.0", "tcp/5400", None)]
    public void Deprecated_ports_serve_their_old_role_until_their_deprecation_version(string version, string port, string expected)
    {
        var (_, rules) = Shipped("cluster.json", json => json["productVersion"] = version);

        Assert.That(Answers(rules, port, NetworkProfiles.Domain), Is.EqualTo(expected));
    }

    [Test]
    public void Every_shipped_profile_has_an_intent_table()
    {
        var shipped = Directory.GetFiles(RepoPaths.Profiles, "*.json").Select(Path.GetFileName);

        Assert.That(Tables.Keys, Is.EquivalentTo(shipped));
    }

    [Test]
    public void Configuration_Manager_is_closed_to_the_network_when_no_admin_set_is_given()
    {
        var (_, rules) = Shipped("single-server.json", json => json["addresses"]!.AsObject().Remove("admins"));

        Assert.That(Answers(rules, "tcp/8057", NetworkProfiles.Domain), Is.EqualTo(None));
    }

    [Test]
    public void AJP_is_open_to_the_load_balancers_only_when_switched_on()
    {
        var (_, rules) = Shipped("single-server.json", json =>
        {
            json["features"]!["ajp"] = true;
            json["addresses"]!["loadBalancers"] = new JsonArray("10.50.0.7");
        });

        Assert.That(Answers(rules, "tcp/8009", NetworkProfiles.Domain), Is.EqualTo("BBBBBBAB"));
    }

    [Test]
    public void Bonjour_is_open_to_the_named_local_subnets_only()
    {
        var (_, rules) = Shipped("single-server.json", json =>
        {
            json["features"]!["airPrintDiscovery"] = true;
            json["addresses"]!["localSubnets"] = new JsonArray("10.50.0.0/24", "fd00:50::/64");
        });

        Assert.That(Answers(rules, "udp/5353", NetworkProfiles.Domain), Is.EqualTo("BBBBBBAA"));
    }

    [Test]
    public void Bonjour_on_LocalSubnet_depends_on_the_machine_and_the_evaluator_says_so()
    {
        var (_, rules) = Shipped("single-server.json", json => json["features"]!["airPrintDiscovery"] = true);

        var verdict = FirewallEvaluator.Evaluate(rules, TestQueries.Of("10.50.0.7", 5353, "udp"), NetworkProfiles.Domain);

        Assert.That(verdict.Outcome, Is.EqualTo(ConnectionOutcome.DependsOnMachine));
        Assert.That(verdict.Reason, Does.Contain("10.50.0.7 is in LocalSubnet"));
    }

    [Test]
    public void With_a_Print_Delivery_Hub_the_PDS_takes_no_inbound_jobs_and_the_hub_does()
    {
        var (_, rules) = Shipped("cluster.json", json =>
        {
            json["features"]!["pdh"] = true;
            json["portOverrides"]!["pdh"] = 9100;
        });

        Assert.That(Answers(rules, "tcp/631", NetworkProfiles.Domain), Is.EqualTo(None));
        Assert.That(Answers(rules, "tcp/8090", NetworkProfiles.Domain), Is.EqualTo(None));
        Assert.That(Answers(rules, "tcp/9100", NetworkProfiles.Domain), Is.EqualTo("AABBAAAA"));
    }

    private static string Answers(IReadOnlyList<FirewallRule> rules, string port, NetworkProfiles firewallProfile, string[]? sources = null)
    {
        var evaluator = FirewallEvaluator.Of(rules);
        var (protocol, number) = Parse(port);
        return string.Concat((sources ?? Sources).Select(from =>
        {
            var verdict = evaluator.Evaluate(new ConnectionQuery(IPAddress.Parse(from), number, protocol), firewallProfile);
            return verdict.Outcome switch
            {
                ConnectionOutcome.Allowed => 'A',
                ConnectionOutcome.Blocked => 'B',
                _ => '?',
            };
        }));
    }

    private static (DeploymentProfile Profile, IReadOnlyList<FirewallRule> Rules) Shipped(string file, Action<JsonObject>? edit = null)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Profile(file)))!.AsObject();
        json["features"] ??= new JsonObject();
        json["portOverrides"] ??= new JsonObject();
        edit?.Invoke(json);
        var profile = ProfileLoader.Reader(TestCatalog.PrinterOn).Parse(file, Encoding.UTF8.GetBytes(json.ToJsonString()));
        return (profile, RulePlanner.Plan(TestCatalog.PrinterOn, profile).Rules);
    }

    private static IEnumerable<NetworkProfiles> Each(NetworkProfiles profiles) =>
        new[] { NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public }.Where(p => profiles.HasFlag(p));

    private static string Key(TransportProtocol protocol, int port) => $"{protocol.ToString().ToLowerInvariant()}/{port}";

    private static (TransportProtocol Protocol, int Port) Parse(string key)
    {
        var parts = key.Split('/');
        return (parts[0] == "udp" ? TransportProtocol.Udp : TransportProtocol.Tcp, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
