using System.Globalization;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleStrings;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Export;

/// <summary>
/// The plan as a Registry.pol: each rule a REG_SZ under <c>Software\Policies\Microsoft\WindowsFirewall\FirewallRules</c>,
/// named by the rule's ID and holding its rule string ([MS-GPFAS] 2.2.2.19), in plan order. The file goes in a GPO's
/// <c>Machine</c> folder, or to <c>LGPO.exe /m</c> on a server outside a domain. When the profile has
/// <c>groupPolicy.localRules</c>, the settings of the plan's firewall profiles come first (firewall on, inbound Block,
/// <c>AllowLocalPolicyMerge</c>); otherwise it changes no profile setting. It deletes nothing: a rule the plan no longer
/// has stays in the GPO until the GPO is replaced (a GPO backup's import replaces it whole).
/// </summary>
public static class RegistryPolExporter
{
    /// <summary>The registry values of the plan's rules, in plan order.</summary>
    /// <exception cref="ExportRefusedException">A rule's text cannot be carried by a rule string (a '|'); the path names it.</exception>
    public static IReadOnlyList<RegistryValue> Values(RulePlan plan, GroupPolicyLocalRules localRules, NetworkProfiles profiles, ExportFormat format = ExportFormat.RegistryPol)
    {
        var values = new List<RegistryValue>(ProfileSettings(localRules, profiles));
        for (var i = 0; i < plan.Rules.Count; i++)
        {
            var stored = plan.Rules[i].ToStored();
            if (RuleStringCodec.Refusal(stored) is { } refusal)
            {
                throw new ExportRefusedException(
                    format,
                    ExportRefusal.RuleText,
                    string.Create(CultureInfo.InvariantCulture, $"$.rules[{i}].{refusal.Field.Name}"),
                    $"rule '{plan.Rules[i].Name}': {refusal.Problem}");
            }

            values.Add(RegistryValue.String(FirewallPolicyKeys.GroupPolicyRules, plan.Rules[i].Name, RuleStringCodec.Write(stored)));
        }

        return values;
    }

    public static byte[] Export(RulePlan plan, GroupPolicyLocalRules localRules = GroupPolicyLocalRules.NotManaged, NetworkProfiles profiles = NetworkProfiles.All) =>
        PolicyFile.Write(Values(plan, localRules, profiles));

    /// <summary>The settings <c>groupPolicy.localRules</c> asks for, under <c>...\WindowsFirewall\{Domain,Private,Public}Profile</c>.</summary>
    public static IEnumerable<RegistryValue> ProfileSettings(GroupPolicyLocalRules localRules, NetworkProfiles profiles)
    {
        if (localRules == GroupPolicyLocalRules.NotManaged)
        {
            yield break;
        }

        foreach (var profile in RuleTerms.EachNetworkProfile.Where(p => profiles.HasFlag(p)))
        {
            var key = FirewallPolicyKeys.GroupPolicy + "\\" + RuleTerms.Profiles(profile)[0] + "Profile";
            yield return RegistryValue.DWord(key, FirewallPolicyKeys.EnableFirewall, 1);
            yield return RegistryValue.DWord(key, FirewallPolicyKeys.DefaultInboundAction, 1);
            yield return RegistryValue.DWord(key, FirewallPolicyKeys.AllowLocalPolicyMerge, localRules == GroupPolicyLocalRules.Ignore ? 0u : 1u);
        }
    }
}
