using System.Text.Json.Nodes;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Engine;

/// <summary>Issue 19 item 6: ports of other software on the host are neither opened nor blocked, and say so.</summary>
public class UnmanagedPortTests
{
    private static JsonObject Unmanaged(int port, string owner, string? protocol = null)
    {
        var json = new JsonObject { ["port"] = port, ["owner"] = owner };
        if (protocol is not null)
        {
            json["protocol"] = protocol;
        }

        return json;
    }

    [Test]
    public void An_unmanaged_port_gets_no_rule_so_the_other_software_stays_reachable_beside_its_allow_all()
    {
        var plan = ProfileBuilder.SingleServer().Without("http80").Set("unmanagedPorts", new JsonArray(Unmanaged(80, "IIS"))).Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Rules.Where(r => r.LocalPorts.Contains(80)), Is.Empty);
            Assert.That(plan.Port(80).Decision, Is.EqualTo(Decision.NoRule));
            Assert.That(plan.Port(80).Reason, Does.Contain("IIS").And.Contain("neither opens nor blocks"));
            Assert.That(plan.ReachesBesideAllowAll(80, "10.1.2.3"), Is.True);
            Assert.That(plan.ReachesBesideAllowAll(80, "10.1.2.3", TransportProtocol.Udp), Is.True);
        });
    }

    [Test]
    public void Leaving_one_protocol_keeps_the_other_blocked_beside_an_allow_all()
    {
        var plan = ProfileBuilder.SingleServer().Set("unmanagedPorts", new JsonArray(Unmanaged(5353, "Bonjour", "UDP"))).Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.ReachesBesideAllowAll(5353, "10.1.2.3", TransportProtocol.Udp), Is.True);
            Assert.That(plan.ReachesBesideAllowAll(5353, "10.1.2.3", TransportProtocol.Tcp), Is.False);
        });
    }

    [Test]
    public void A_port_the_catalog_says_the_product_listens_on_is_warned_about_and_another_is_not()
    {
        var plan = ProfileBuilder.SingleServer()
            .Set("unmanagedPorts", new JsonArray(Unmanaged(8080, "Jenkins"), Unmanaged(9100, "print spooler", "TCP")))
            .Plan();

        Assert.Multiple(() =>
        {
            Assert.That(plan.Warnings.Where(w => w.Code == "unmanaged-product-port").Select(w => w.Message), Has.One.Contain("8080").And.One.Contain("pds-alternate"));
            Assert.That(plan.Port(9100).Reason, Does.Contain("print spooler"));
        });
    }

    [TestCase(0, null, "port 0 is out of range")]
    [TestCase(80, "SCTP", "unknown protocol 'SCTP'")]
    public void A_bad_unmanaged_port_names_the_path_and_the_fix(int port, string? protocol, string message)
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().Set("unmanagedPorts", new JsonArray(Unmanaged(port, "x", protocol))).Build())!;

        Assert.That(error.Errors[0].Message, Does.Contain(message));
        Assert.That(error.Errors[0].Path, Does.StartWith("$.unmanagedPorts[0]"));
    }

    [Test]
    public void A_port_listed_twice_is_refused()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().Set("unmanagedPorts", new JsonArray(Unmanaged(80, "IIS"), Unmanaged(80, "IIS", "TCP"))).Build())!;

        Assert.That(error.Errors[0].Message, Does.Contain("listed twice"));
    }
}
