using FirewallKit.Core.Profiles;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Profiles;

/// <summary>Issue 19 item 5: risky values get words, a host name where an address belongs is refused.</summary>
public class RiskyValueTests
{
    [Test]
    public void A_version_newer_than_the_catalog_is_warned_about_naming_both_versions()
    {
        var plan = ProfileBuilder.SingleServer().Version("6.0.0").Plan();

        Assert.That(plan.Warnings.Single(w => w.Code == "version-newer-than-catalog").Message, Does.Contain("6.0.0").And.Contain("5.1.0"));
    }

    [Test]
    public void A_patch_of_the_newest_known_line_is_not_warned_about()
    {
        var plan = ProfileBuilder.SingleServer().Version("5.1.2").Plan();

        Assert.That(plan.Warnings.Select(w => w.Code), Does.Not.Contain("version-newer-than-catalog"));
    }

    [Test]
    public void A_peer_wider_than_a_slash_16_is_warned_about_naming_the_ports_it_opens()
    {
        var plan = ProfileBuilder.Cluster("10.0.0.0/8", "10.20.0.12").Plan();

        Assert.That(plan.Warnings.Single(w => w.Code == "wide-audience").Message, Does.Contain("10.0.0.0/8").And.Contain("TCP 5200").And.Contain("TCP 8057"));
    }

    [Test]
    public void Wide_clients_are_not_warned_about_and_the_threshold_can_be_raised()
    {
        var clients = ProfileBuilder.SingleServer().Clients("10.0.0.0/8").Plan();
        var raised = ProfileBuilder.Cluster("10.0.0.0/8").Set("wideAudiencePrefix", new System.Text.Json.Nodes.JsonObject { ["ipv4"] = 8 }).Plan();

        Assert.Multiple(() =>
        {
            Assert.That(clients.Warnings.Select(w => w.Code), Does.Not.Contain("wide-audience"));
            Assert.That(raised.Warnings.Select(w => w.Code), Does.Not.Contain("wide-audience"));
        });
    }

    [Test]
    public void A_wide_IPv6_admin_subnet_is_warned_about()
    {
        var plan = ProfileBuilder.SingleServer().Admins("fd00::/32").Plan();

        Assert.That(plan.Warnings.Single(w => w.Code == "wide-audience").Message, Does.Contain("addresses.admins").And.Contain("TCP 8057"));
    }

    [Test]
    public void A_load_balancer_set_no_enabled_port_uses_is_warned_about()
    {
        var plan = ProfileBuilder.Cluster()
            .Peer("pon-pas-1", ["10.20.0.21"], "pas")
            .Peer("pon-pds", ["10.20.0.31"], "pds")
            .LoadBalancers("10.20.0.5")
            .Without("ajp")
            .Plan();

        Assert.That(plan.Warnings.Single(w => w.Code == "unused-set").Message, Does.Contain("addresses.loadBalancers").And.Contain("8009").And.Contain("443"));
    }

    [Test]
    public void A_load_balancer_in_front_of_the_CPS_is_used_without_ajp()
    {
        var plan = ProfileBuilder.SingleServer().LoadBalancers("10.20.0.5").Without("ajp").Plan();

        Assert.That(plan.Warnings.Select(w => w.Code), Does.Not.Contain("unused-set"));
    }

    [Test]
    public void A_host_name_as_a_peer_address_says_rules_hold_addresses_not_names()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.Cluster("pon-2.corp.local").Build())!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Errors[0].Path, Is.EqualTo("$.peers[0].addresses[0]"));
            Assert.That(error.Errors[0].Message, Does.Contain("host name").And.Contain("Windows Firewall rules hold addresses, not names"));
            Assert.That(error.Errors[0].Fix, Does.Not.Contain("keyword"), "peers refuse keywords, so the fix does not offer them");
        });
    }

    [Test]
    public void A_host_name_among_the_admins_is_refused_too()
    {
        var error = Assert.Throws<InputException>(() => ProfileBuilder.SingleServer().Admins("admin-pc").Build())!;

        Assert.That(error.Errors[0].Message, Does.Contain("not names"));
    }
}
