using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Apply;

/// <summary>
/// The changes that turn the rules a firewall holds into the desired ones, matched by rule name
/// and compared by meaning. Pure: appliers only execute <see cref="Writes"/>.
/// </summary>
public sealed class RuleDiff
{
    private RuleDiff(IReadOnlyList<RuleChange> changes)
    {
        Changes = changes;
        var created = changes.Where(c => c.Kind == RuleChangeKind.Create).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Writes = [.. changes.Where(c => c.IsWrite).OrderBy(c => WritePhase(c, created))];
    }

    /// <summary>Every rule name, desired ones in desired order, then the ones to delete in the order they were read.</summary>
    public IReadOnlyList<RuleChange> Changes { get; }

    /// <summary>
    /// The changes to execute, in an order that tightens before it loosens: duplicates are cleared
    /// first, then block rules are written before allow rules, and allow rules are deleted before
    /// block rules, so no moment of the apply admits more than the plan before or after it.
    /// </summary>
    public IReadOnlyList<RuleChange> Writes { get; }

    public bool HasWrites => Writes.Count > 0;

    public int Count(RuleChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>
    /// <paramref name="current"/> must already be limited to the rules the caller owns. A name the
    /// firewall holds more than once is replaced whole (delete all, then create) unless the
    /// duplicates are exactly what is desired, since a single update cannot say which one it means.
    /// </summary>
    public static RuleDiff Compute(IReadOnlyList<FirewallRule> desired, IReadOnlyList<FirewallRule> current)
    {
        var currentByName = current.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var changes = new List<RuleChange>();
        foreach (var group in desired.GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var wanted = group.ToList();
            var held = currentByName.TryGetValue(group.Key, out var list) ? list : [];
            currentByName.Remove(group.Key);
            changes.AddRange(Match(group.Key, wanted, held));
        }

        foreach (var stale in current.Select(r => r.Name).Distinct(StringComparer.Ordinal).Where(currentByName.ContainsKey))
        {
            changes.Add(new RuleChange(RuleChangeKind.Delete, stale, null, currentByName[stale], []));
        }

        return new RuleDiff(changes);
    }

    private static IEnumerable<RuleChange> Match(string name, List<FirewallRule> wanted, List<FirewallRule> held)
    {
        if (held.Count == 0)
        {
            return wanted.Select(w => new RuleChange(RuleChangeKind.Create, name, w, [], []));
        }

        if (wanted.Count == 1 && held.Count == 1)
        {
            var fields = wanted[0].Differences(held[0]);
            return [new RuleChange(fields.Count == 0 ? RuleChangeKind.Unchanged : RuleChangeKind.Update, name, wanted[0], held, [.. fields])];
        }

        if (SameRules(wanted, held))
        {
            return wanted.Select((w, i) => new RuleChange(RuleChangeKind.Unchanged, name, w, [held[i]], []));
        }

        return [new RuleChange(RuleChangeKind.Delete, name, null, held, []), .. wanted.Select(w => new RuleChange(RuleChangeKind.Create, name, w, [], []))];
    }

    /// <summary>Whether the two lists hold the same rules by meaning, in any order; <paramref name="held"/> is reordered to match.</summary>
    private static bool SameRules(List<FirewallRule> wanted, List<FirewallRule> held)
    {
        if (wanted.Count != held.Count)
        {
            return false;
        }

        var remaining = held.ToList();
        var matched = new List<FirewallRule>();
        foreach (var rule in wanted)
        {
            var index = remaining.FindIndex(r => rule.Equals(r));
            if (index < 0)
            {
                return false;
            }

            matched.Add(remaining[index]);
            remaining.RemoveAt(index);
        }

        held.Clear();
        held.AddRange(matched);
        return true;
    }

    private static int WritePhase(RuleChange change, HashSet<string> created) => change switch
    {
        // Duplicates are cleared before the name is created again.
        { Kind: RuleChangeKind.Delete } when created.Contains(change.Name) => 0,
        { Desired.Action: RuleAction.Block } => 1,
        { Desired.Action: RuleAction.Allow } => 2,
        _ when change.Current.Any(r => r.Action == RuleAction.Allow) => 3,
        _ => 4,
    };
}
