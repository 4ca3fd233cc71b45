using System.Globalization;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
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
            Assert.That(plan.Ports.Count(p => p.Port == text), Is.EqualTo(1), $"rows for {text}");
        }
    }
}
