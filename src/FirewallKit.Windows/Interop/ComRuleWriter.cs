using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// Puts <see cref="ComRuleRecord"/> fields on a rule object. On a rule that is in the store every
/// put commits on its own, so a change of several fields passes through every intermediate
/// state; <see cref="PlanChanges"/> says which puts a change takes, in which order, so the caller
/// can judge each interruption point before writing. On a new rule nothing commits until
/// <see cref="NetFwRules.Add"/>.
/// </summary>
public static class ComRuleWriter
{
    /// <summary>NET_FW_IP_PROTOCOL values that take ports.</summary>
    private const int Tcp = 6;
    private const int Udp = 17;

    /// <summary>
    /// The order for a new rule and the default for changes: identity first, Protocol before the
    /// ports (Windows refuses ports on a protocol other than TCP or UDP), Enabled last so a rule
    /// is never switched on before it is complete.
    /// </summary>
    public static IReadOnlyList<ComRuleField> CreationOrder { get; } =
    [
        ComRuleField.Name,
        ComRuleField.Description,
        ComRuleField.Grouping,
        ComRuleField.Direction,
        ComRuleField.Protocol,
        ComRuleField.LocalPorts,
        ComRuleField.RemotePorts,
        ComRuleField.IcmpTypesAndCodes,
        ComRuleField.LocalAddresses,
        ComRuleField.RemoteAddresses,
        ComRuleField.ApplicationName,
        ComRuleField.ServiceName,
        ComRuleField.LocalAppPackageId,
        ComRuleField.LocalUserOwner,
        ComRuleField.LocalUserAuthorizedList,
        ComRuleField.RemoteUserAuthorizedList,
        ComRuleField.RemoteMachineAuthorizedList,
        ComRuleField.SecureFlags,
        ComRuleField.Interfaces,
        ComRuleField.InterfaceTypes,
        ComRuleField.Profiles,
        ComRuleField.EdgeTraversalOptions,
        ComRuleField.EdgeTraversal,
        ComRuleField.Action,
        ComRuleField.Enabled,
    ];

    /// <summary>
    /// The puts that turn <paramref name="current"/> into <paramref name="desired"/>: only the
    /// fields that differ, in <paramref name="order"/> (default <see cref="CreationOrder"/>).
    /// Two adjustments Windows forces: when the new protocol takes no ports, the ports are put
    /// before it (a rule cannot change to ICMP or Any while it has ports); EdgeTraversal is left
    /// out when EdgeTraversalOptions changes, since that put sets both.
    /// </summary>
    public static IReadOnlyList<ComRuleField> PlanChanges(ComRuleRecord current, ComRuleRecord desired, IReadOnlyList<ComRuleField>? order = null)
    {
        order ??= CreationOrder;
        var missing = ComRuleFields.All.Except(order).ToList();
        if (missing.Count > 0 || order.Distinct().Count() != order.Count)
        {
            throw new ArgumentException($"an order names every field once; missing: {string.Join(", ", missing)}", nameof(order));
        }

        var changes = order.Where(field => !ComRuleFields.Same(field, current, desired)).ToList();
        if (changes.Contains(ComRuleField.EdgeTraversalOptions))
        {
            changes.Remove(ComRuleField.EdgeTraversal);
        }

        if (changes.Contains(ComRuleField.Protocol) && desired.Protocol is not (Tcp or Udp))
        {
            var ports = changes.Where(field => field is ComRuleField.LocalPorts or ComRuleField.RemotePorts).ToList();
            changes.RemoveAll(ports.Contains);
            changes.InsertRange(changes.IndexOf(ComRuleField.Protocol), ports);
        }

        return changes;
    }

    /// <summary>Puts the fields <see cref="PlanChanges"/> names, in its order; returns them.</summary>
    public static IReadOnlyList<ComRuleField> PutChanges(INetFwRule3 rule, ComRuleRecord current, ComRuleRecord desired, IReadOnlyList<ComRuleField>? order = null)
    {
        var changes = PlanChanges(current, desired, order);
        foreach (var field in changes)
        {
            Put(rule, field, desired);
        }

        return changes;
    }

    /// <summary>
    /// A new rule object carrying <paramref name="desired"/>, ready for <see cref="NetFwRules.Add"/>:
    /// only fields that differ from a fresh object's defaults are put, so unset strings stay unset.
    /// </summary>
    public static ComReference<INetFwRule3> CreateRule(NetFwPolicy policy, ComRuleRecord desired)
    {
        var rule = policy.CreateRule();
        try
        {
            PutChanges(rule.Interface, ComRuleReader.Read(rule.Interface), desired);
            return rule;
        }
        catch
        {
            rule.Dispose();
            throw;
        }
    }

    /// <summary>One put: <paramref name="field"/>'s value in <paramref name="values"/>.</summary>
    public static void Put(INetFwRule3 rule, ComRuleField field, ComRuleRecord values)
    {
        switch (field)
        {
            case ComRuleField.Name: rule.put_Name(values.Name); break;
            case ComRuleField.Description: rule.put_Description(values.Description); break;
            case ComRuleField.ApplicationName: rule.put_ApplicationName(values.ApplicationName); break;
            case ComRuleField.ServiceName: rule.put_ServiceName(values.ServiceName); break;
            case ComRuleField.Protocol: rule.put_Protocol(values.Protocol); break;
            case ComRuleField.LocalPorts: rule.put_LocalPorts(values.LocalPorts); break;
            case ComRuleField.RemotePorts: rule.put_RemotePorts(values.RemotePorts); break;
            case ComRuleField.LocalAddresses: rule.put_LocalAddresses(values.LocalAddresses); break;
            case ComRuleField.RemoteAddresses: rule.put_RemoteAddresses(values.RemoteAddresses); break;
            case ComRuleField.IcmpTypesAndCodes: rule.put_IcmpTypesAndCodes(values.IcmpTypesAndCodes); break;
            case ComRuleField.Direction: rule.put_Direction(values.Direction); break;
            case ComRuleField.Interfaces: PutInterfaces(rule, values.Interfaces); break;
            case ComRuleField.InterfaceTypes: rule.put_InterfaceTypes(values.InterfaceTypes); break;
            case ComRuleField.Enabled: rule.put_Enabled(values.Enabled); break;
            case ComRuleField.Grouping: rule.put_Grouping(values.Grouping); break;
            case ComRuleField.Profiles: rule.put_Profiles(values.Profiles); break;
            case ComRuleField.EdgeTraversal: rule.put_EdgeTraversal(values.EdgeTraversal); break;
            case ComRuleField.Action: rule.put_Action(values.Action); break;
            case ComRuleField.EdgeTraversalOptions: rule.put_EdgeTraversalOptions(values.EdgeTraversalOptions); break;
            case ComRuleField.LocalAppPackageId: rule.put_LocalAppPackageId(values.LocalAppPackageId); break;
            case ComRuleField.LocalUserOwner: rule.put_LocalUserOwner(values.LocalUserOwner); break;
            case ComRuleField.LocalUserAuthorizedList: rule.put_LocalUserAuthorizedList(values.LocalUserAuthorizedList); break;
            case ComRuleField.RemoteUserAuthorizedList: rule.put_RemoteUserAuthorizedList(values.RemoteUserAuthorizedList); break;
            case ComRuleField.RemoteMachineAuthorizedList: rule.put_RemoteMachineAuthorizedList(values.RemoteMachineAuthorizedList); break;
            case ComRuleField.SecureFlags: rule.put_SecureFlags(values.SecureFlags); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, null);
        }
    }

    private static void PutInterfaces(INetFwRule3 rule, IReadOnlyList<string>? interfaces)
    {
        var variant = OleAutomation.CreateStringArray(interfaces);
        try
        {
            rule.put_Interfaces(variant);
        }
        finally
        {
            OleAutomation.Clear(ref variant);
        }
    }
}
