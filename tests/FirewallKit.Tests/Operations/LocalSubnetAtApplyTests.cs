using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Export;
using FirewallKit.Core.Machine;
using FirewallKit.Core.Operations;
using FirewallKit.Core.RuleWords;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Operations;

/// <summary>
/// Issue 12.5: an audience given as LocalSubnet is enforced. `fwkit apply` resolves it into the subnets of the
/// machine's up interfaces (handed in here, not the build machine's) and enforces them like a literal set;
/// the plan says which audiences that is; an export keeps the keyword and the warning, unless the profile
/// spells out localSubnets.
/// </summary>
public class LocalSubnetAtApplyTests
{
    private const string Stranger = "203.0.113.50";
    private TempDirectory _files = null!;
    private InMemoryFirewallStore _store = null!;
    private FakeEnvironment _machine = null!;

    [SetUp]
    public void NewMachine()
    {
        _files = new TempDirectory();
        _store = new InMemoryFirewallStore();
        _machine = new FakeEnvironment(_store);
    }

    [TearDown]
    public void DeleteFiles() => _files.Dispose();

    /// <summary>Admins on LocalSubnet, and AirPrint discovery on its default local subnets (the keyword).</summary>
    private static ProfileBuilder KeywordAudiences() =>
        ProfileBuilder.SingleServer().Admins("LocalSubnet").With("airPrintDiscovery");

    private string Save(ProfileBuilder profile)
    {
        Directory.CreateDirectory(_files.Path);
        var path = Path.Combine(_files.Path, "site.json");
        File.WriteAllText(path, profile.ToJson());
        return path;
    }

    [Test]
    public void Subnets_of_the_up_interfaces_are_the_machines_local_subnets()
    {
        var subnets = MachineSubnets.Of(GivenInterfaces.Office.List());

        Assert.That(subnets.Subnets, Is.EqualTo(AddressSet.Parse("10.60.0.0/22", "fd00:60::/64", "fe80::/64")));
        Assert.That(subnets.Interfaces, Is.EqualTo(new[] { "Ethernet" }), "the down Wi-Fi and loopback do not count");
    }

    [Test]
    public void The_plan_says_which_audiences_apply_resolves_and_the_export_keeps_the_keyword_and_the_warning()
    {
        var plan = KeywordAudiences().Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ResolvedAtApply, Is.EqualTo(new[] { "admins", "localSubnets" }));
            Assert.That(plan.RulesFor(8057).Select(r => r.Name), Is.EqualTo(new[] { "fwkit-printeron-tcp-8057-allow" }));
            Assert.That(plan.Warnings.Where(w => w.Code == "keyword-not-enforced").Select(w => w.Message), Has.All.Contains("`fwkit apply` resolves it"));
            Assert.That(new NetshPlanExporter().Export(plan, TestProvenance.Netsh), Does.Contain("localport=8057 remoteip=localsubnet"));
            Assert.That(new PowerShellPlanExporter().Export(plan, TestProvenance.PowerShell), Does.Contain("RemoteAddress = @('LocalSubnet')"));
            Assert.That(new JsonPlanExporter().Export(plan), Does.Contain("\"resolvedAtApply\": [\n    \"admins\",\n    \"localSubnets\"\n  ]"));
        });
    }

    [Test]
    public void Literal_local_subnets_in_the_profile_are_what_LocalSubnet_means_in_the_export_too()
    {
        var plan = KeywordAudiences().LocalSubnets("10.60.0.0/22").Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ResolvedAtApply, Is.Empty);
            Assert.That(plan.Warnings.Select(w => w.Code), Does.Not.Contain("keyword-not-enforced"));
            Assert.That(plan.ReachesBesideAllowAll(8057, "10.60.1.9"), Is.True);
            Assert.That(plan.ReachesBesideAllowAll(8057, Stranger), Is.False);
            Assert.That(plan.ReachesBesideAllowAll(5353, Stranger, TransportProtocol.Udp), Is.False);
        });
    }

    [Test]
    public void Apply_resolves_LocalSubnet_into_the_machines_subnets_and_enforces_them_strictly()
    {
        var profile = Save(KeywordAudiences());

        var report = FirewallOperations.Apply(new ApplyRequest(new PlanRequest(profile), false, _files.Path), _machine, GivenInterfaces.Office, FixedClock.Default);
        var firewall = ForeignAllowAll.Beside(_store.Rules);
        bool Reaches(string from, int port, TransportProtocol protocol = TransportProtocol.Tcp) =>
            firewall.Evaluate(new ConnectionQuery(IPAddress.Parse(from), port, protocol), NetworkProfiles.Domain).IsAllowed;

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.EqualTo(OperationStatus.Applied), report.Error);
            Assert.That(_store.Rules.SelectMany(r => r.RemoteAddresses.Keywords), Is.Empty, "no keyword left");
            Assert.That(_store.Rules.Select(r => r.Name), Does.Contain("fwkit-printeron-tcp-8057-block-others").And.Contain("fwkit-printeron-udp-5353-block-others"));
            Assert.That(Reaches("10.60.1.9", 8057), Is.True, "an admin on the Ethernet subnet");
            Assert.That(Reaches("fd00:60::99", 8057), Is.True, "the same subnet over IPv6");
            Assert.That(Reaches("10.60.2.40", 5353, TransportProtocol.Udp), Is.True);
            Assert.That(Reaches(Stranger, 8057), Is.False, "beside a foreign allow-all");
            Assert.That(Reaches("192.168.77.5", 8057), Is.False, "the down Wi-Fi's subnet");
            Assert.That(Reaches(Stranger, 5353, TransportProtocol.Udp), Is.False);
            Assert.That(report.Warnings.Single(w => w.Code == "local-subnet-resolved").Message, Does.Contain("10.60.0.0/22").And.Contain("Ethernet"));
            Assert.That(report.Warnings.Select(w => w.Code), Does.Not.Contain("keyword-not-enforced"));
        });
        Assert.That(FirewallOperations.Verify(new PlanRequest(profile), _machine, GivenInterfaces.Office).Status, Is.EqualTo(OperationStatus.InSync));
    }

    [Test]
    public void Verify_reports_drift_when_the_machines_subnets_change()
    {
        var profile = Save(KeywordAudiences());
        FirewallOperations.Apply(new ApplyRequest(new PlanRequest(profile), false, _files.Path), _machine, GivenInterfaces.Office, FixedClock.Default);
        var moved = new GivenInterfaces(GivenInterfaces.Interface("Ethernet", up: true, loopback: false, ("10.61.0.20", 24)));

        var verify = FirewallOperations.Verify(new PlanRequest(profile), _machine, moved);

        Assert.That(verify.Status, Is.EqualTo(OperationStatus.Drift));
    }

    [Test]
    public void Interfaces_are_read_only_when_an_audience_is_LocalSubnet()
    {
        var network = new GivenInterfaces();

        FirewallOperations.Apply(new ApplyRequest(new PlanRequest(RepoPaths.Profile("cluster.json")), true, _files.Path), _machine, network, FixedClock.Default);

        Assert.That(network.Reads, Is.Zero);
    }
}
