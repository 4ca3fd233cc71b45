using System.Text;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Registry;

/// <summary>The .reg and .wfw forms, with fixtures written here in the shapes Windows writes.</summary>
public sealed class RegistryFormsTests
{
    private const string LocalRules = @"SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\FirewallRules";

    [Test]
    public void A_reg_export_of_the_local_rules_key_is_read_as_local_rules()
    {
        var text = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\" + LocalRules + "]\r\n"
            + "\"{1111-AA}\"=\"v2.33|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=8080|App=C:\\\\Program Files\\\\Acme\\\\acme.exe|Name=Acme \\\"agent\\\"|Desc=|\"\r\n"
            + "\"Blob\"=hex(3):01,02,\\\r\n  03\r\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var firewall = RegistryDump.TryRead("rules.reg", bytes)!;

        var rule = firewall.Rules.Single();
        Assert.That(firewall.Format, Is.EqualTo("reg"));
        Assert.That(rule.Id, Is.EqualTo("{1111-AA}"));
        Assert.That(rule.Program, Is.EqualTo(@"C:\Program Files\Acme\acme.exe"));
        Assert.That(rule.DisplayName, Is.EqualTo("Acme \"agent\""));
        Assert.That(rule.Store, Is.EqualTo(RuleStore.Local));
    }

    [Test]
    public void A_wfw_hive_gives_its_rules_and_the_three_profiles()
    {
        var hive = new TestHive()
            .Key("FirewallRules", ("{2222-BB}", "v2.28|Action=Block|Active=TRUE|Dir=In|Protocol=17|LPort=161|Name=SNMP block|"))
            .Key("DomainProfile", ("EnableFirewall", 1u), ("DefaultInboundAction", 1u))
            .Key("StandardProfile", ("EnableFirewall", 0u))
            .Key("PublicProfile", ("EnableFirewall", 1u), ("DefaultInboundAction", 0u))
            .Build();

        var firewall = RegistryDump.TryRead("policy.wfw", hive)!;

        Assert.That(firewall.Format, Is.EqualTo("wfw"));
        Assert.That(firewall.Rules.Single().LocalPorts.Contains(161), Is.True);
        Assert.That(firewall.StateOf(NetworkProfiles.Private).Enabled, Is.False);
        Assert.That(firewall.StateOf(NetworkProfiles.Public).DefaultInboundAction, Is.EqualTo(RuleAction.Allow));
        Assert.That(firewall.Profiles.All(p => p.Known), Is.True);
    }

    [Test]
    public void A_damaged_hive_is_an_input_error_not_a_crash()
    {
        var hive = new TestHive().Key("FirewallRules", ("a", "v2.0|Action=Allow|Dir=In|")).Build();
        hive[0x24] = 0xF0; // the root cell points nowhere

        Assert.That(() => RegistryDump.TryRead("broken.wfw", hive), Throws.TypeOf<InputException>().With.Message.Contains("hive is damaged"));
    }

    [Test]
    public void Group_policy_profile_settings_say_whether_local_rules_count()
    {
        var pol = PolicyFile.Write(
        [
            RegistryValue.DWord(FirewallPolicyKeys.GroupPolicy + @"\DomainProfile", "EnableFirewall", 1),
            RegistryValue.DWord(FirewallPolicyKeys.GroupPolicy + @"\DomainProfile", "AllowLocalPolicyMerge", 0),
        ]);

        var firewall = RegistryDump.TryRead("fw.pol", pol)!;

        Assert.That(firewall.StateOf(NetworkProfiles.Domain).AllowLocalRules, Is.False);
        Assert.That(firewall.StateOf(NetworkProfiles.Private).Known, Is.False);
    }

    [Test]
    public void Group_policy_s_setting_overrides_the_local_store_s_in_a_reg_export_of_both()
    {
        var text = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile]\r\n\"EnableFirewall\"=dword:00000001\r\n\"DefaultInboundAction\"=dword:00000001\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\DomainProfile]\r\n\"EnableFirewall\"=dword:00000000\r\n\"DefaultInboundAction\"=dword:00000000\r\n";

        var firewall = RegistryDump.TryRead("both.reg", Encoding.UTF8.GetBytes(text))!;

        Assert.That(firewall.StateOf(NetworkProfiles.Domain).Enabled, Is.True);
        Assert.That(firewall.StateOf(NetworkProfiles.Domain).DefaultInboundAction, Is.EqualTo(RuleAction.Block));
    }
}
