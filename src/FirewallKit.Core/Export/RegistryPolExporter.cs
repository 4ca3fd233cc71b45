using System.Globalization;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Registry;
using FirewallKit.Core.RuleStrings;

namespace FirewallKit.Core.Export;

/// <summary>
/// The plan as a Registry.pol: each rule a REG_SZ under <c>Software\Policies\Microsoft\WindowsFirewall\FirewallRules</c>,
/// named by the rule's ID and holding its rule string ([MS-GPFAS] 2.2.2.19), in plan order. The file goes in a GPO's
/// <c>Machine</c> folder, or to <c>LGPO.exe /m</c> on a server outside a domain. It holds nothing else, so it changes no
/// profile setting, and it deletes nothing: a rule the plan no longer has stays in the GPO until the GPO is replaced
/// (a GPO backup's import replaces it whole).
/// </summary>
public static class RegistryPolExporter
{
    /// <summary>The registry values of the plan's rules, in plan order.</summary>
    /// <exception cref="ExportRefusedException">A rule's text cannot be carried by a rule string (a '|'); the path names it.</exception>
    public static IReadOnlyList<RegistryValue> Values(RulePlan plan, ExportFormat format = ExportFormat.RegistryPol)
    {
        var values = new List<RegistryValue>();
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

    public static byte[] Export(RulePlan plan) => PolicyFile.Write(Values(plan));
}
