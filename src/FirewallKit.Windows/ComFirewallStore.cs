using System.Runtime.Versioning;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Rules;
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

            var (target, current) = (found[0].Item.Interface, found[0].Record);
            foreach (var step in ComRuleUpdate.Plan(current, ComRuleMapping.ToRecord(rule, current)))
            {
                ComRuleWriter.Put(target, step.Field, step.Values);
            }
        }
        finally
        {
            found.ForEach(match => match.Item.Dispose());
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

            if (Ours(item.Interface, group, name) is null)
            {
                item.Dispose();
                break;
            }

            RemoveExactly(item, name);
        }

        foreach (var (item, _) in Enumerate(group, name))
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
    /// <summary>fwkit's rules of that name in that group, each with its record, read once.</summary>
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

    /// <summary>The rule's record when it is fwkit's rule of that name and group, else null; the cheap identity is read first.</summary>
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
