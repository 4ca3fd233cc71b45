using System.Collections;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Plan;

namespace FirewallKit.Windows;

/// <summary>
/// <see cref="IFirewallStore"/> over the documented COM API (<c>HNetCfg.FwPolicy2</c>,
/// INetFwPolicy2 / INetFwRules / INetFwRule), late-bound through IDispatch so no interop
/// assembly is needed. Rules are found by name with <c>INetFwRules.Item</c>; the whole
/// collection is enumerated only to list a group, or when a same-named rule of another group
/// hides fwkit's from <c>Item</c>. Names may repeat and <c>Remove(name)</c> deletes just one of
/// them, so a rule is removed by first renaming that exact rule to a unique name.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class ComFirewallStore : IFirewallStore
{
    public const string PolicyProgId = "HNetCfg.FwPolicy2";
    public const string RuleProgId = "HNetCfg.FWRule";

    /// <summary>HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND): what <c>INetFwRules.Item</c> returns for a missing name.</summary>
    private const int ErrorFileNotFound = unchecked((int)0x80070002);

    /// <summary>A guard: more same-named rules than this means something else keeps adding them.</summary>
    private const int MaxDuplicates = 1000;

    private readonly dynamic _policy = CreateComObject(PolicyProgId);
    private bool _disposed;

    public IReadOnlyList<FirewallRule> List(string group)
    {
        var items = Enumerate(rule => Text(rule.Grouping) == group);
        try
        {
            return [.. items.Select(item => Managed(ComRuleMapping.FromCom(Read(item))))];
        }
        finally
        {
            items.ForEach(Release);
        }
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Release((object)_policy);
        }
    }

    public void Add(FirewallRule rule)
    {
        var values = ComRuleMapping.ToCom(rule);
        var item = CreateComObject(RuleProgId);
        try
        {
            dynamic created = item;
            created.Name = values.Name;
            created.Grouping = values.Grouping;
            created.Direction = values.Direction;
            Write(created, values);
            _policy.Rules.Add(created);
        }
        finally
        {
            Release(item);
        }
    }

    public void Update(FirewallRule rule)
    {
        var values = ComRuleMapping.ToCom(rule);
        var found = Find(rule.Group, rule.Name);
        try
        {
            if (found.Count != 1)
            {
                throw new FirewallStoreException($"expected one rule named '{rule.Name}' in group '{rule.Group}' to update, found {found.Count}");
            }

            // Properties put on a rule that is in the store take effect at once; no Add is needed.
            Write(found[0], values);
        }
        finally
        {
            found.ForEach(Release);
        }
    }

    public void Remove(string group, string name)
    {
        // Item finds one rule of that name; remove it while it is ours. When it returns another
        // group's rule, any of ours with the same name are hidden behind it: enumerate for them.
        for (var removed = 0; removed < MaxDuplicates; removed++)
        {
            var item = TryItem(name);
            if (item is null)
            {
                return;
            }

            if (!IsExactly(item, group, name))
            {
                Release(item);
                break;
            }

            RemoveExactly(item, name);
        }

        foreach (var item in Enumerate(r => IsExactly(r, group, name)))
        {
            RemoveExactly(item, name);
        }
    }

    internal static object CreateComObject(string progId)
    {
        var type = Type.GetTypeFromProgID(progId, throwOnError: false)
            ?? throw new FirewallStoreException($"the COM class {progId} is not registered; fwkit needs the Windows Defender Firewall API");
        return Activator.CreateInstance(type)
            ?? throw new FirewallStoreException($"the COM class {progId} could not be created");
    }

    internal static void Release(object item) => Marshal.ReleaseComObject(item);

    // Protocol goes before the ports: the firewall refuses ports on a rule that is not TCP or UDP.
    private static void Write(dynamic rule, ComRuleValues values)
    {
        rule.Description = values.Description;
        rule.Protocol = values.Protocol;
        rule.LocalPorts = values.LocalPorts;
        rule.RemoteAddresses = values.RemoteAddresses;
        rule.Profiles = values.Profiles;
        rule.Action = values.Action;
        // A new COM rule is disabled unless told otherwise (PowerShell and netsh default to enabled).
        rule.Enabled = values.Enabled;
    }

    private static ComRuleValues Read(dynamic rule) => new(
        Text(rule.Name),
        Text(rule.Description),
        Text(rule.Grouping),
        Convert.ToInt32(rule.Direction),
        Convert.ToInt32(rule.Action),
        Convert.ToInt32(rule.Protocol),
        Text(rule.LocalPorts),
        Text(rule.RemoteAddresses),
        Convert.ToInt32(rule.Profiles),
        Convert.ToBoolean(rule.Enabled));

    private static string Text(object? value) => value as string ?? string.Empty;

    /// <summary>A group holding a rule fwkit cannot manage is not changed at all: the whole read fails.</summary>
    private static FirewallRule Managed(ComRuleRead read) => read.Rule ?? throw new FirewallStoreException(read.Unmanageable!);

    /// <summary>The rules named exactly <paramref name="name"/> in <paramref name="group"/>: by <c>Item</c> when it returns one of them, else by enumerating.</summary>
    private List<object> Find(string group, string name)
    {
        var item = TryItem(name);
        if (item is null)
        {
            // Nothing by that name in the whole store.
            return [];
        }

        if (IsExactly(item, group, name))
        {
            return [item];
        }

        Release(item);
        return Enumerate(r => IsExactly(r, group, name));
    }

    /// <summary>Item may match names without regard to case: compare exactly, group included.</summary>
    private static bool IsExactly(dynamic rule, string group, string name) => Text(rule.Name) == name && Text(rule.Grouping) == group;

    /// <summary>
    /// Remove(name) deletes an arbitrary one of several same-named rules, maybe another group's:
    /// give this exact rule a unique name first. The name keeps fwkit's prefix, so a rule left
    /// behind by a failure between the two calls is still owned and the next apply deletes it.
    /// </summary>
    private void RemoveExactly(object item, string name)
    {
        try
        {
            var temporary = $"{name}.removing-{Guid.NewGuid():N}";
            dynamic rule = item;
            rule.Name = temporary;
            _policy.Rules.Remove(temporary);
        }
        finally
        {
            Release(item);
        }
    }

    private object? TryItem(string name)
    {
        try
        {
            return (object)_policy.Rules.Item(name);
        }
        catch (Exception ex) when (IsNotFound(ex))
        {
            return null;
        }
    }

    private static bool IsNotFound(Exception ex) =>
        ex is FileNotFoundException
        || ex.HResult == ErrorFileNotFound
        || (ex is TargetInvocationException { InnerException: { } inner } && IsNotFound(inner));

    /// <summary>Every rule of the machine that <paramref name="keep"/> selects; the others are released at once.</summary>
    private List<object> Enumerate(Func<dynamic, bool> keep)
    {
        var kept = new List<object>();
        dynamic rules = _policy.Rules;
        foreach (var item in (IEnumerable)rules)
        {
            if (item is null)
            {
                continue;
            }

            if (keep(item))
            {
                kept.Add(item);
            }
            else
            {
                Release(item);
            }
        }

        return kept;
    }
}
