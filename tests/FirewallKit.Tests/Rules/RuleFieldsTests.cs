using FirewallKit.Core.Rules;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Tests.Rules;

/// <summary>The field table: each condition's text reads back to the same value, and the older spellings backups hold are still read.</summary>
public class RuleFieldsTests
{
    private static readonly StoredRule Blank = new() { DisplayName = "r", Action = RuleAction.Allow };

    [TestCase("applicationName", @"C:\Tools\app.exe")]
    [TestCase("localAppPackageId", "S-1-15-2-1")]
    [TestCase("serviceName", "Spooler")]
    [TestCase("serviceName", "*")]
    [TestCase("localAddresses", "10.0.0.0/8,192.168.1.10")]
    [TestCase("remotePorts", "1024-65535")]
    [TestCase("icmpTypesAndCodes", "8:*")]
    [TestCase("interfaces", "Ethernet,Wi-Fi")]
    [TestCase("interfaceTypes", "Lan,Wireless")]
    [TestCase("secureFlags", "AuthenticateEncrypt")]
    [TestCase("overrideBlockRules", "true")]
    [TestCase("localUserAuthorizedList", "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1001)")]
    [TestCase("remoteUserAuthorizedList", "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1002)")]
    [TestCase("remoteMachineAuthorizedList", "O:LSD:(A;;CC;;;S-1-5-21-1-2-3-1003)")]
    [TestCase("edgeTraversalOptions", "DeferToApp")]
    [TestCase("localUserOwner", "S-1-5-21-1-2-3-1001")]
    public void A_conditions_text_writes_and_reads_back_the_same(string name, string text)
    {
        var field = RuleFields.FindCondition(name)!;

        var written = field.Write(Blank, text);

        Assert.That(written, Is.Not.Null);
        Assert.That(field.Read(written!), Is.EqualTo(text));
        Assert.That(field.Same(written!, Blank), Is.False, "set differs from unset");
        Assert.That(field.Read(Blank), Is.Null, "unset reads as null");
    }

    [TestCase("edgeTraversalOptions", "1", "Allow")]
    [TestCase("edgeTraversalOptions", "2", "DeferToApp")]
    [TestCase("edgeTraversalOptions", "3", "DeferToUser")]
    [TestCase("secureFlags", "1", "AuthenticateNoEncapsulation")]
    [TestCase("secureFlags", "4", "AuthenticateEncrypt")]
    [TestCase("localAddresses", "192.168.1.10/255.255.255.255", "192.168.1.10")]
    public void The_COM_numbers_and_forms_older_backups_hold_read_as_the_same_value(string name, string older, string text)
    {
        var field = RuleFields.FindCondition(name)!;

        Assert.That(field.Read(field.Write(Blank, older)!), Is.EqualTo(text));
    }

    [TestCase("edgeTraversalOptions", "7")]
    [TestCase("edgeTraversalOptions", "Sometimes")]
    [TestCase("secureFlags", "9")]
    [TestCase("interfaceTypes", "Bluetooth")]
    [TestCase("remotePorts", "70000")]
    [TestCase("localAddresses", "not-an-address")]
    [TestCase("overrideBlockRules", "yes")]
    [TestCase("applicationName", "")]
    public void Text_that_is_no_value_of_the_condition_is_refused(string name, string text) =>
        Assert.That(RuleFields.FindCondition(name)!.Write(Blank, text), Is.Null);

    [Test]
    public void Every_field_has_a_unique_name_and_every_condition_fwkit_can_write_a_NetSecurity_spelling()
    {
        Assert.That(RuleFields.All.Select(f => f.Name), Is.Unique);
        // A condition only the rule string carries (the package family name; -PackageFamilyName is missing on
        // Server 2016 and 2019) is read and compared, but neither the script nor COM could reset it.
        Assert.That(RuleFields.Conditions.Where(f => f.Spelling.Com is not null && f.Spelling.Conditions.Count == 0), Is.Empty);
        Assert.That(RuleFields.Planned.Where(f => f.Spelling.NetSecurity is null), Is.Empty);
    }
}
