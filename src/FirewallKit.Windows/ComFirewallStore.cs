using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using FirewallKit.Core.Apply;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// <see cref="IFirewallStore"/> over the documented COM API (INetFwPolicy2 / INetFwRules /
/// INetFwRule3) through the typed, source-generated interop in <c>Interop/</c>: every call is a
/// vtable call, every object is released when its owner is done. Rules are found by name with
/// <c>INetFwRules.Item</c>; the whole collection is enumerated only to list a group, or when a
/// same-named rule hides fwkit's from <c>Item</c>, and to remove one. Names may repeat and
/// <c>Remove(name)</c> deletes just one of them: when every rule of that name is fwkit's to delete
/// it is removed by name, else that exact rule is first renamed to a unique name. A change to a
/// field Windows may protect on a grouped rule is made by replacing the rule (<see cref="Replace"/>). A rule fwkit cannot represent (<see cref="ComRuleMapping.FromRecord"/>) is listed apart
/// and never written, even when it carries a name fwkit writes.
/// </summary>
public sealed class ComFirewallStore : IFirewallStore
{
    /// <summary>A guard: more same-named rules than this means something else keeps adding them.</summary>
    private const int MaxDuplicates = 1000;

    private readonly NetFwPolicy _policy;
    private readonly NetFwRules _rules;
    private bool _disposed;

    /// <param name="source">Where the COM objects come from: <see cref="CoCreatedNetFwObjects"/> on Windows, a fake in tests.</param>
    public ComFirewallStore(INetFwObjectSource source)
    {
        _policy = new NetFwPolicy(source);
        try
        {
            _rules = _policy.OpenRules();
        }
        catch
        {
            _policy.Dispose();
            throw;
        }
    }

    /// <summary>The machine's firewall.</summary>
    [SupportedOSPlatform("windows")]
    public static ComFirewallStore Open() => new(CoCreatedNetFwObjects.Instance);

    public RuleListing List(string group) => Guarded(() => ListGroup(group));

    private RuleListing ListGroup(string group)
    {
        var rules = new List<FirewallRule>();
        var unrepresentable = new List<ForeignRule>();
        foreach (var item in _rules.Enumerate())
        {
            using (item)
            {
                if (ComRuleReader.ReadIdentity(item.Interface).Grouping != group)
                {
                    continue;
                }

                var read = ComRuleMapping.FromRecord(ComRuleReader.Read(item.Interface));
                if (read.Rule is { } rule)
                {
                    rules.Add(rule);
                }
                else
                {
                    unrepresentable.Add(new ForeignRule(read.Name, read.Unrepresentable!));
                }
            }
        }

        return new RuleListing(rules, unrepresentable);
    }

    /// <summary>Every rule as it will read back; an undocumented keyword or an unwritable name is refused here, before any write.</summary>
    public IReadOnlyList<FirewallRule> Prepare(IReadOnlyList<FirewallRule> desired) => [.. desired.Select(ComRuleMapping.AsStored)];

    public void Add(FirewallRule rule) => Guarded(() => AddRule(rule));

    public void Update(FirewallRule rule) => Guarded(() => UpdateRule(rule));

    public void Remove(string group, string name) => Guarded(() => RemoveRule(group, name));

    /// <summary>
    /// A call with the firewall service gone (stopped, restarting or crashed: RPC_S_SERVER_UNAVAILABLE and kin) as a
    /// store failure that says so; the COM objects it was made through are dead, so fwkit does not retry on them.
    /// </summary>
    private static T Guarded<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (COMException ex) when (ComErrors.IsServiceGone(ex.HResult))
        {
            throw new FirewallStoreException(
                $"the Windows Firewall service stopped answering (RPC error 0x{ex.HResult:X8}); check it with `Get-Service mpssvc` and start it with `Start-Service mpssvc`",
                ex);
        }
    }

    private static void Guarded(Action call) => Guarded<object?>(() =>
    {
        call();
        return null;
    });

    private void AddRule(FirewallRule rule)
    {
        // Puts on a new object commit nothing; Add commits the whole rule, Enabled included, at once.
        using var created = ComRuleWriter.CreateRule(_policy, ComRuleMapping.ToRecord(rule));
        _rules.Add(created);
    }

    private void UpdateRule(FirewallRule rule)
    {
        var found = Find(rule.Group, rule.Name);
        ComRuleRecord current;
        try
        {
            if (found.Count != 1)
            {
                throw new FirewallStoreException($"expected one rule named '{rule.Name}' in group '{rule.Group}' to update, found {found.Count}");
            }

            // The record Find read to know the rule is fwkit's: read once per update.
            (var target, current) = (found[0].Item.Interface, found[0].Record);
            var steps = ComRuleUpdate.Plan(current, ComRuleMapping.ToRecord(rule, current));
            if (!steps.Any(step => ComRuleUpdate.IsProtected(step.Field)))
            {
                foreach (var step in steps)
                {
                    ComRuleWriter.Put(target, step.Field, step.Values);
                }

                return;
            }
        }
        finally
        {
            found.ForEach(match => match.Item.Dispose());
        }

        Replace(rule, current);
    }

    private void RemoveRule(string group, string name)
    {
        for (var removed = 0; removed < MaxDuplicates; removed++)
        {
            var namesakes = Namesakes(name);
            try
            {
                var ours = namesakes.Where(item => Ours(item.Interface, group, name) is not null).ToList();
                if (ours.Count == 0)
                {
                    return;
                }

                if (ours.Count == namesakes.Count)
                {
                    // Whichever rule Remove(name) picks is one to delete: no rename, so a grouped
                    // rule's Name, which Windows may protect, is never written.
                    _rules.Remove(name);
                }
                else
                {
                    RemoveExactly(ours[0], name);
                }
            }
            finally
            {
                namesakes.ForEach(item => item.Dispose());
            }
        }

        throw new FirewallStoreException($"more than {MaxDuplicates} rules named '{name}' in group '{group}': something keeps adding them");
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _rules.Dispose();
            _policy.Dispose();
        }
    }

    /// <summary>
    /// The representable rules named exactly <paramref name="name"/> in <paramref name="group"/>, each with its
    /// record: by <c>Item</c> when it returns one of them, else by enumerating.
    /// </summary>
    private List<(ComReference<INetFwRule3> Item, ComRuleRecord Record)> Find(string group, string name)
    {
        var item = _rules.TryItem(name);
        if (item is null)
        {
            // Nothing by that name in the whole store.
            return [];
        }

        if (Ours(item.Interface, group, name) is { } record)
        {
            return [(item, record)];
        }

        item.Dispose();
        return Enumerate(group, name);
    }

    /// <summary>
    /// The rule's record when it is fwkit's, else null. Item matches names without regard to case: compare
    /// exactly, group included, and only a rule fwkit can represent counts (an outbound rule that took an owned
    /// name is left alone). The cheap identity is read first.
    /// </summary>
    private static ComRuleRecord? Ours(INetFwRule3 rule, string group, string name)
    {
        var (ruleName, grouping) = ComRuleReader.ReadIdentity(rule);
        if (ruleName != name || grouping != group)
        {
            return null;
        }

        var record = ComRuleReader.Read(rule);
        return ComRuleMapping.FromRecord(record).Rule is not null ? record : null;
    }

    /// <summary>
    /// Remove(name) deletes an arbitrary one of several same-named rules, maybe another group's:
    /// give this exact rule a unique name first. The name keeps fwkit's prefix, so a rule left
    /// behind by a failure between the two calls is still owned and the next apply deletes it.
    /// The rename changes no packet's fate. It is needed only when a rule fwkit does not own
    /// shares the name, and Windows may refuse it, since a grouped rule's Name may be protected.
    /// </summary>
    private void RemoveExactly(ComReference<INetFwRule3> item, string name)
    {
        var temporary = $"{name}.removing-{Guid.NewGuid():N}";
        try
        {
            item.Interface.put_Name(temporary);
        }
        catch (Exception ex) when (ex is COMException or UnauthorizedAccessException)
        {
            throw new FirewallStoreException(
                $"cannot delete fwkit's rule '{name}' alone: a rule fwkit does not own has the same name, and Windows refused to rename fwkit's rule first ({ex.Message}); "
                + "rename or remove the other rule, then run fwkit again", ex);
        }

        _rules.Remove(temporary);
    }

    /// <summary>
    /// Changes a rule whose update writes a field Windows may protect on a grouped rule (Name,
    /// Description, ApplicationName, ServiceName: the RuleGroup property of MSFT_NetFirewallRule)
    /// by deleting and adding it, tightening before loosening. When the old or the new rule
    /// allows, deleting first is safe: with the rule gone a packet meets only the other rules, and
    /// the old firewall (an allow rule only adds) or the new one (the new allow rule, or the rules
    /// beside the new block rule) admits it too. From block to block, the new rule is added first
    /// under a temporary owned name, the old one removed, the new one added under its name and
    /// the temporary one removed: a rule blocking at least the new rule's packets is always there,
    /// and no name is ever held twice. A temporary rule a failure leaves behind is owned and not
    /// planned, so the rollback deletes it after restoring (block rules are deleted last).
    /// </summary>
    private void Replace(FirewallRule rule, ComRuleRecord current)
    {
        var blockToBlock = current.Action == NetFwValues.ActionBlock && rule.Action == RuleAction.Block;
        if (!blockToBlock)
        {
            Remove(rule.Group, rule.Name);
            Add(rule);
            return;
        }

        var standIn = rule with { Name = $"{rule.Name}.replacing-{Guid.NewGuid():N}" };
        Add(standIn);
        Remove(rule.Group, rule.Name);
        Add(rule);
        Remove(standIn.Group, standIn.Name);
    }

    /// <summary>Every rule INetFwRules.Remove(name) could delete: names equal without regard to case, in any group.</summary>
    private List<ComReference<INetFwRule3>> Namesakes(string name)
    {
        var kept = new List<ComReference<INetFwRule3>>();
        foreach (var item in _rules.Enumerate())
        {
            if (string.Equals(ComRuleReader.ReadIdentity(item.Interface).Name, name, StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(item);
            }
            else
            {
                item.Dispose();
            }
        }

        return kept;
    }

    /// <summary>Every representable rule named exactly <paramref name="name"/> in <paramref name="group"/>; the others are released at once.</summary>
    private List<(ComReference<INetFwRule3> Item, ComRuleRecord Record)> Enumerate(string group, string name)
    {
        var kept = new List<(ComReference<INetFwRule3>, ComRuleRecord)>();
        foreach (var item in _rules.Enumerate())
        {
            if (Ours(item.Interface, group, name) is { } record)
            {
                kept.Add((item, record));
            }
            else
            {
                item.Dispose();
            }
        }

        return kept;
    }
}
