using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleStrings;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.RuleStrings;

/// <summary>Fixtures written for these tests in the forms Windows writes (see ../shared/real-windows/PROVENANCE.md for the forms).</summary>
public sealed class RuleStringReaderTests
{
    [Test]
    public void A_v2_0_rule_with_a_port_keyword_and_a_service_is_read()
    {
        var rule = Read("v2.0|Action=Allow|Active=FALSE|Dir=In|Protocol=6|LPort=RPC|App=%SystemRoot%\\system32\\svchost.exe|Svc=Schedule|Name=@example.dll,-101|Desc=@example.dll,-102|EmbedCtxt=@example.dll,-100|");

        Assert.That(rule.Rule.Enabled, Is.False);
        Assert.That(rule.Rule.LocalPorts.Keywords, Is.EqualTo(new[] { PortKeyword.Rpc }));
        Assert.That(rule.Rule.Service, Is.EqualTo("Schedule"));
        Assert.That(rule.Rule.Group, Is.EqualTo("@example.dll,-100"));
        Assert.That(rule.Rule.Profiles, Is.EqualTo(NetworkProfiles.All));
        Assert.That(rule.Version, Is.EqualTo(RuleStringVersion.V2_0));
    }

    [Test]
    public void Keyword_ports_of_later_versions_are_read()
    {
        var rule = Read("v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=17|LPort2_20=Ply2Disc|LPort2_10=5000-5020|RA42=Ply2Renders|RA62=Ply2Renders|Name=Play To|");

        Assert.That(rule.Rule.LocalPorts, Is.EqualTo(PortSet.Parse("PlayToDiscovery", "5000-5020")));
        Assert.That(rule.Rule.RemoteAddresses, Is.EqualTo(AddressSet.Parse("PlayToDevice")));
    }

    [Test]
    public void A_keyword_in_RA4_only_is_the_IPv4_keyword()
    {
        var rule = Read("v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=445|RA4=LocalSubnet|RA6=fe80::/64|RA6=ff02::1|Name=x|");

        Assert.That(rule.Rule.RemoteAddresses, Is.EqualTo(AddressSet.Parse("LocalSubnet4", "fe80::/64", "ff02::1")));
    }

    [Test]
    public void An_empty_description_and_a_store_app_package_are_read()
    {
        var rule = Read("v2.33|Action=Allow|Active=TRUE|Dir=In|Profile=Domain|Profile=Private|Name=Example App|Desc=|PFN=Example.App_abcdefghijklm|LUOwn=S-1-5-21-1-2-3-1001|EmbedCtxt=Example App|Platform=2:6:2|Platform2=GTEQ|Edge=TRUE|");

        Assert.That(rule.Rule.Description, Is.Empty);
        Assert.That(rule.Rule.PackageFamilyName, Is.EqualTo("Example.App_abcdefghijklm"));
        Assert.That(rule.Rule.Owner, Is.EqualTo("S-1-5-21-1-2-3-1001"));
        Assert.That(rule.Rule.EdgeTraversal, Is.EqualTo(EdgeTraversal.Allow));
        Assert.That(rule.Rule.Profiles, Is.EqualTo(NetworkProfiles.Domain | NetworkProfiles.Private));
    }

    [Test]
    public void Unknown_fields_are_kept_as_written_and_not_interpreted()
    {
        var rule = Read("v2.28|Action=Allow|Active=TRUE|Dir=In|Protocol=17|Name=x|TTK2_22=WFDPrint|Platform=2:6:2|Defer=App|");

        Assert.That(rule.Unread.Select(f => f.ToString()), Is.EqualTo(new[] { "TTK2_22=WFDPrint", "Platform=2:6:2" }));
        Assert.That(rule.Rule.EdgeTraversal, Is.EqualTo(EdgeTraversal.DeferToApp));
    }

    [Test]
    public void The_IPsec_fields_of_the_spec_s_example_are_read()
    {
        var rule = Read("v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Public|LPort=RPC|RPort=49000|LA4=192.168.1.0/255.255.255.0|LA4=192.168.0.0/255.255.255.0|RA4=LocalSubnet|RA6=LocalSubnet|App=c:\\path\\foo.exe|Name=Firewall Rule Test|Security=Authenticate|Security2_9=An-NoEncap|");

        Assert.That(rule.Rule.Security, Is.EqualTo(RuleSecurity.AuthenticateNoEncapsulation));
        Assert.That(rule.Rule.LocalAddresses, Is.EqualTo(AddressSet.Parse("192.168.0.0/23")));
        Assert.That(rule.Rule.RemoteAddresses, Is.EqualTo(AddressSet.Parse("LocalSubnet")));
        Assert.That(rule.Rule.RemotePorts, Is.EqualTo(PortSet.Of(49000)));
    }

    [TestCase("2.10|Action=Allow|Dir=In|", "grammar version")]
    [TestCase("v2.10|Action=Maybe|Dir=In|", "Action='Maybe'")]
    [TestCase("v2.10|Action=Allow|Dir=In|Name=a|b|", "without a key")]
    [TestCase("v2.10|Action=Allow|Name=a|", "no Dir")]
    [TestCase("v2.10|Action=Allow|Dir=In|RA4=10.0.0.300|", "address")]
    public void Text_that_is_not_a_rule_string_is_an_error_naming_the_rule(string text, string expected)
    {
        var errors = new InputErrors("fw.pol");
        RuleStringCodec.Read("{rule-1}", text, errors, "Software\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules\\{rule-1}");

        var exception = Assert.Throws<InputException>(errors.ThrowIfAny)!;
        Assert.That(exception.Errors[0].ToString(), Does.Contain("{rule-1}").And.Contain(expected));
    }

    private static RuleStringReading Read(string text)
    {
        var errors = new InputErrors("test");
        var read = RuleStringCodec.Read("{id}", text, errors, "$");
        errors.ThrowIfAny();
        return read!;
    }
}
