using System.Net;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Windows;

namespace FirewallKit.Tests.Windows;

/// <summary>The live audit's rules come from COM; the registry adds each rule's store and Group Policy's local-rule merge.</summary>
public class RegistryStoreRuleSourceTests
{
    private const string PolicyRules = FirewallPolicyKeys.GroupPolicy + @"\FirewallRules";
    private const string LocalRules = FirewallPolicyKeys.Local + @"\FirewallRules";

    private static readonly StoredRule InstallerAllowAll = Rule("Acme allow all", RuleAction.Allow);
    private static readonly StoredRule PolicyBlock = Rule("Corp block 5200", RuleAction.Block) with { RemoteAddresses = AddressSet.Parse("203.0.113.0/24") };
    private static readonly StoredRule BuiltIn = Rule("Remote Desktop - User Mode (TCP-In)", RuleAction.Allow) with { LocalPorts = PortSet.Parse("3389"), Group = "Remote Desktop" };

    [Test]
    public void Where_Group_Policy_ignores_local_rules_an_installers_local_allow_all_no_longer_counts()
    {
        var firewall = Source(
            RegistryValue.DWord(FirewallPolicyKeys.GroupPolicy + @"\DomainProfile", FirewallPolicyKeys.EnableFirewall, 1),
            RegistryValue.DWord(FirewallPolicyKeys.GroupPolicy + @"\DomainProfile", FirewallPolicyKeys.AllowLocalPolicyMerge, 0)).Read();
        var evaluator = new FirewallEvaluator(firewall.Rules, firewall.Profiles);
        var outsider = IPAddress.Parse("198.51.100.7");

        Assert.That(firewall.Rules.Select(r => (r.DisplayName, r.Store)), Is.EqualTo(new[]
        {
            ("Acme allow all", RuleStore.Local),
            ("Corp block 5200", RuleStore.GroupPolicy),
            ("Remote Desktop - User Mode (TCP-In)", RuleStore.Unknown),
        }));
        Assert.That(evaluator.Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Domain).Possible.Contains(outsider), Is.False, "Domain: the local allow-all is ignored");
        Assert.That(evaluator.Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Private).Certain.Contains(outsider), Is.True, "Private: Group Policy merges local rules");
        Assert.That(firewall.Notes, Has.Some.StartsWith("stores from the registry: 1 local and 1 Group Policy rules matched; 1 others"));
        Assert.That(firewall.Notes, Has.No.EqualTo(ComRuleSource.StoreUnknownNote));
    }

    [Test]
    public void Without_Group_Policy_settings_every_rule_counts_as_the_COM_view_says()
    {
        var firewall = Source().Read();
        var evaluator = new FirewallEvaluator(firewall.Rules, firewall.Profiles);

        Assert.That(evaluator.Evaluate(new AuditTarget(5200, TransportProtocol.Tcp), NetworkProfiles.Domain).Certain.Contains(IPAddress.Parse("198.51.100.7")), Is.True);
    }

    private static RegistryStoreRuleSource Source(params RegistryValue[] settings)
    {
        var comView = new FixedRules(new ObservedFirewall("server", "live",
            [InstallerAllowAll, PolicyBlock, BuiltIn],
            [.. RuleTerms.EachNetworkProfile.Select(ProfileState.Default)],
            [ComRuleSource.StoreUnknownNote]));
        RegistryValue[] values =
        [
            RegistryValue.String(LocalRules, "{A1}", "v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=5200|Name=Acme allow all|"),
            RegistryValue.String(PolicyRules, "{B2}", "v2.30|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=5200|RA4=203.0.113.0/255.255.255.0|Name=Corp block 5200|"),
            RegistryValue.String(LocalRules, "RemoteDesktop-UserMode-In-TCP", "v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=3389|Name=@FirewallAPI.dll,-28775|EmbedCtxt=@FirewallAPI.dll,-28752|"),
            .. settings,
        ];
        return new RegistryStoreRuleSource(comView, new FixedRegistry(values));
    }

    private static StoredRule Rule(string name, RuleAction action) => new()
    {
        DisplayName = name,
        Action = action,
        Protocol = IpProtocol.Tcp,
        LocalPorts = PortSet.Parse("5200"),
    };

    private sealed class FixedRules(ObservedFirewall firewall) : IRuleSource
    {
        public ObservedFirewall Read() => firewall;
    }

    private sealed class FixedRegistry(IReadOnlyList<RegistryValue> values) : IRegistryValues
    {
        public IReadOnlyList<RegistryValue> Read(string localMachineKey) =>
            [.. values.Where(v => v.Key.StartsWith(localMachineKey, StringComparison.OrdinalIgnoreCase))];
    }
}
