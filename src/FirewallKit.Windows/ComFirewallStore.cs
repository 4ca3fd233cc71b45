using System.Runtime.Versioning;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Plan;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// <see cref="IFirewallStore"/> over the documented COM API (INetFwPolicy2 / INetFwRules /
/// INetFwRule3) through the typed, source-generated interop in <c>Interop/</c>: every call is a
/// vtable call, every object is released when its owner is done. Rules are found by name with
/// <c>INetFwRules.Item</c>; the whole collection is enumerated only to list a group, or when a
/// same-named rule hides fwkit's from <c>Item</c>. Names may repeat and <c>Remove(name)</c>
/// deletes just one of them, so a rule is removed by first renaming that exact rule to a unique
/// name. A rule fwkit cannot represent (<see cref="ComRuleMapping.FromRecord"/>) is listed apart
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

    public RuleListing List(string group)
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

    public void Add(FirewallRule rule)
    {
        // Puts on a new object commit nothing; Add commits the whole rule, Enabled included, at once.
        using var created = ComRuleWriter.CreateRule(_policy, ComRuleMapping.ToRecord(rule));
        _rules.Add(created);
    }

    public void Update(FirewallRule rule)
    {
        var found = Find(rule.Group, rule.Name);
        try
        {
            if (found.Count != 1)
            {
                throw new FirewallStoreException($"expected one rule named '{rule.Name}' in group '{rule.Group}' to update, found {found.Count}");
            }

            var target = found[0].Interface;
            var current = ComRuleReader.Read(target);
            foreach (var step in ComRuleUpdate.Plan(current, ComRuleMapping.ToRecord(rule, current)))
            {
                ComRuleWriter.Put(target, step.Field, step.Values);
            }
        }
        finally
        {
            found.ForEach(item => item.Dispose());
        }
    }

    public void Remove(string group, string name)
    {
        // Item finds one rule of that name; remove it while it is ours. When it returns another
        // group's rule (or one fwkit leaves alone), ours with the same name hide behind it: enumerate.
        for (var removed = 0; removed < MaxDuplicates; removed++)
        {
            var item = _rules.TryItem(name);
            if (item is null)
            {
                return;
            }

            if (!IsOurs(item.Interface, group, name))
            {
                item.Dispose();
                break;
            }

            RemoveExactly(item, name);
        }

        foreach (var item in Enumerate(group, name))
        {
            RemoveExactly(item, name);
        }
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

    /// <summary>The representable rules named exactly <paramref name="name"/> in <paramref name="group"/>: by <c>Item</c> when it returns one of them, else by enumerating.</summary>
    private List<ComReference<INetFwRule3>> Find(string group, string name)
    {
        var item = _rules.TryItem(name);
        if (item is null)
        {
            // Nothing by that name in the whole store.
            return [];
        }

        if (IsOurs(item.Interface, group, name))
        {
            return [item];
        }

        item.Dispose();
        return Enumerate(group, name);
    }

    /// <summary>
    /// Item matches names without regard to case: compare exactly, group included, and only a
    /// rule fwkit can represent counts (an outbound rule that took an owned name is left alone).
    /// </summary>
    private static bool IsOurs(INetFwRule3 rule, string group, string name)
    {
        var (ruleName, grouping) = ComRuleReader.ReadIdentity(rule);
        return ruleName == name && grouping == group && ComRuleMapping.FromRecord(ComRuleReader.Read(rule)).Rule is not null;
    }

    /// <summary>
    /// Remove(name) deletes an arbitrary one of several same-named rules, maybe another group's:
    /// give this exact rule a unique name first. The name keeps fwkit's prefix, so a rule left
    /// behind by a failure between the two calls is still owned and the next apply deletes it.
    /// The rename changes no packet's fate.
    /// </summary>
    private void RemoveExactly(ComReference<INetFwRule3> item, string name)
    {
        using (item)
        {
            var temporary = $"{name}.removing-{Guid.NewGuid():N}";
            item.Interface.put_Name(temporary);
            _rules.Remove(temporary);
        }
    }

    /// <summary>Every representable rule named exactly <paramref name="name"/> in <paramref name="group"/>; the others are released at once.</summary>
    private List<ComReference<INetFwRule3>> Enumerate(string group, string name)
    {
        var kept = new List<ComReference<INetFwRule3>>();
        foreach (var item in _rules.Enumerate())
        {
            if (IsOurs(item.Interface, group, name))
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
}
