using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleStrings;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.RuleStrings;

public sealed class RuleStringWriterTests
{
    [Test]
    public void A_planned_rule_is_written_in_the_issue_s_form()
    {
        var rule = TestRules.Allow("tcp-443-allow", 443, "10.0.0.0/8", "fd00::/16").ToStored();

        Assert.That(
            RuleStringCodec.Write(rule),
            Is.EqualTo("v2.0|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|Profile=Private|LPort=443|RA4=10.0.0.0/255.0.0.0|RA6=fd00::/16|"
                + "Name=Test rule tcp-443-allow (TCP 443)|Desc=A test rule for port 443. Managed by fwkit.|EmbedCtxt=PrinterOn Firewall (fwkit)|"));
    }

    [Test]
    public void Single_addresses_are_bare_and_other_ranges_are_written_as_ranges()
    {
        var rule = TestRules.Allow("x", 5200, "10.20.0.11-10.20.0.12", "10.20.0.13", "fd00:20::13").ToStored();

        Assert.That(RuleStringCodec.Write(rule), Does.Contain("|RA4=10.20.0.11-10.20.0.13|RA6=fd00:20::13|"));
    }

    [Test]
    public void A_port_range_needs_v2_10_and_goes_under_LPort2_10()
    {
        var rule = TestRules.Block("x", 48300).ToStored() with { LocalPorts = PortSet.Parse("48300", "49000-49010") };

        var text = RuleStringCodec.Write(rule);

        Assert.That(text, Does.StartWith("v2.10|"));
        Assert.That(text, Does.Contain("|LPort=48300|LPort2_10=49000-49010|"));
    }

    [Test]
    public void Newer_address_keywords_go_in_RA42_and_RA62_and_need_v2_20()
    {
        var rule = TestRules.Allow("x", 443).ToStored() with { RemoteAddresses = AddressSet.Parse("LocalSubnet", "Intranet4", "10.1.1.1") };

        var text = RuleStringCodec.Write(rule);

        Assert.That(text, Does.StartWith("v2.20|"));
        Assert.That(text, Does.Contain("|RA4=10.1.1.1|RA4=LocalSubnet|RA6=LocalSubnet|RA42=IntrAnet|"));
        Assert.That(text, Does.Not.Contain("RA62"));
    }

    [Test]
    public void All_profiles_are_written_as_no_Profile_field_as_Windows_does()
    {
        var rule = TestRules.Allow("x", 443).ToStored() with { Profiles = NetworkProfiles.All };

        Assert.That(RuleStringCodec.Write(rule), Does.Not.Contain("Profile="));
    }

    [TestCase("displayName")]
    [TestCase("description")]
    [TestCase("group")]
    public void A_bar_in_a_name_description_or_group_is_refused_naming_the_field(string field)
    {
        var rule = TestRules.Allow("x", 443).ToStored();
        rule = field switch
        {
            "displayName" => rule with { DisplayName = "A | B" },
            "description" => rule with { Description = "A | B" },
            _ => rule with { Group = "A | B" },
        };

        var refusal = RuleStringCodec.Refusal(rule);

        Assert.That(refusal?.Field.Name, Is.EqualTo(field));
        Assert.That(refusal!.Problem, Does.Contain("'|'"));
        Assert.That(() => RuleStringCodec.Write(rule), Throws.ArgumentException);
    }

    [Test]
    public void Every_key_the_codec_reads_is_one_the_field_table_spells()
    {
        foreach (var (field, keys) in RuleStringCodec.KeysByField)
        {
            var spelled = (field.Spelling.RuleString ?? string.Empty).Split(',').Select(k => k.Split('=')[0]);
            Assert.That(keys, Is.EquivalentTo(spelled), field.Name);
        }

        var withSpelling = RuleFields.All.Where(f => f.Spelling.RuleString is not null && f != RuleFields.OverrideBlockRules);
        Assert.That(RuleStringCodec.KeysByField.Keys, Is.EquivalentTo(withSpelling));
        Assert.That(RuleStringCodec.WrittenFields, Is.EquivalentTo(RuleFields.All.Where(f => f.Spelling.RuleString is not null)));
    }
}
