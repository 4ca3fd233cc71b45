using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// The puts that change a rule in the store from one record to another, ordered so that no
/// interruption point admits a packet that neither the old rule nor the new one would admit.
/// Every put on a stored rule commits on its own, so each prefix of the list is a state the
/// firewall may be left in.
/// <para>
/// Why in place, not replace (create under a temporary name, remove the old, rename): the rule's
/// identity (its PowerShell Name) survives, only fields that differ are written (plus at most two
/// Enabled puts), and there is no second rule to leave behind on a failure. It is safe because a
/// rule's match conditions are a conjunction of its fields (protocol AND ports AND addresses AND
/// profiles AND program ...), Enabled included:
/// </para>
/// <list type="bullet">
/// <item>Block to block: any mix of old and new fields blocks at least what both old and new
/// block (their intersection), so it admits no more than one of them. Any order is safe; a block
/// rule is never paused, which would admit more.</item>
/// <item>Allow involved, one match field changes: every state matches as the old or the new rule.</item>
/// <item>Allow involved, several match fields change (or action with another): a mix could match
/// packets neither rule matches (old port with new addresses). The rule is paused first
/// (Enabled false), rewritten, and enabled last. A paused rule admits nothing of its own, which
/// is within what the old allow rule, or the new allow rule, admits.</item>
/// <item>Disabling goes first and enabling last, for the same reason.</item>
/// </list>
/// Name, Description and Grouping match nothing, so they do not count as match fields.
/// </summary>
public static class ComRuleUpdate
{
    /// <summary>One put: <see cref="Field"/>'s value in <see cref="Values"/>.</summary>
    public sealed record Step(ComRuleField Field, ComRuleRecord Values);

    /// <summary>
    /// Fields that MSFT_NetFirewallRule's RuleGroup documentation says are protected on a rule with
    /// a group ("including but not limited to the Name, Description, Program, and Service"), Grouping
    /// too. Every fwkit rule has a group, so a change to one of them is made by replacing the rule.
    /// </summary>
    public static bool IsProtected(ComRuleField field) =>
        field is ComRuleField.Name or ComRuleField.Description or ComRuleField.ApplicationName or ComRuleField.ServiceName or ComRuleField.Grouping;

    public static IReadOnlyList<Step> Plan(ComRuleRecord current, ComRuleRecord desired)
    {
        var changes = ComRuleWriter.PlanChanges(current, desired);
        var matchFields = changes.Count(field => field is not (ComRuleField.Name or ComRuleField.Description or ComRuleField.Grouping or ComRuleField.Enabled));
        var allowInvolved = current.Action == NetFwValues.ActionAllow || desired.Action == NetFwValues.ActionAllow;
        var pause = current.Enabled && (!desired.Enabled || (allowInvolved && matchFields > 1));

        var steps = new List<Step>();
        if (pause)
        {
            steps.Add(new Step(ComRuleField.Enabled, current with { Enabled = false }));
        }

        steps.AddRange(changes.Where(field => field != ComRuleField.Enabled).Select(field => new Step(field, desired)));
        if (desired.Enabled && (pause || changes.Contains(ComRuleField.Enabled)))
        {
            steps.Add(new Step(ComRuleField.Enabled, desired));
        }

        return steps;
    }
}
