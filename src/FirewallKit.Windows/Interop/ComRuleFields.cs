using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows.Interop;

/// <summary>Comparing <see cref="ComRuleRecord"/>s field by field.</summary>
public static class ComRuleFields
{
    public static IReadOnlyList<ComRuleField> All { get; } = Enum.GetValues<ComRuleField>();

    /// <summary>The fields whose values differ, in netfw.h order.</summary>
    public static IReadOnlyList<ComRuleField> Differences(ComRuleRecord current, ComRuleRecord desired) =>
        [.. All.Where(field => !Same(field, current, desired))];

    /// <summary>
    /// Strings compare ordinally, with a null BSTR equal to an empty one (to COM they are the
    /// same value, and Windows reads an unset string back as null). Interfaces compare as lists.
    /// </summary>
    public static bool Same(ComRuleField field, ComRuleRecord a, ComRuleRecord b) => field switch
    {
        ComRuleField.Name => SameText(a.Name, b.Name),
        ComRuleField.Description => SameText(a.Description, b.Description),
        ComRuleField.ApplicationName => SameText(a.ApplicationName, b.ApplicationName),
        ComRuleField.ServiceName => SameText(a.ServiceName, b.ServiceName),
        ComRuleField.Protocol => a.Protocol == b.Protocol,
        ComRuleField.LocalPorts => SameText(a.LocalPorts, b.LocalPorts),
        ComRuleField.RemotePorts => SameText(a.RemotePorts, b.RemotePorts),
        ComRuleField.LocalAddresses => SameText(a.LocalAddresses, b.LocalAddresses),
        ComRuleField.RemoteAddresses => SameText(a.RemoteAddresses, b.RemoteAddresses),
        ComRuleField.IcmpTypesAndCodes => SameText(a.IcmpTypesAndCodes, b.IcmpTypesAndCodes),
        ComRuleField.Direction => a.Direction == b.Direction,
        ComRuleField.Interfaces => a.Interfaces is null ? b.Interfaces is null : b.Interfaces is not null && a.Interfaces.SequenceEqual(b.Interfaces, StringComparer.Ordinal),
        ComRuleField.InterfaceTypes => SameText(a.InterfaceTypes, b.InterfaceTypes),
        ComRuleField.Enabled => a.Enabled == b.Enabled,
        ComRuleField.Grouping => SameText(a.Grouping, b.Grouping),
        ComRuleField.Profiles => a.Profiles == b.Profiles,
        ComRuleField.EdgeTraversal => a.EdgeTraversal == b.EdgeTraversal,
        ComRuleField.Action => a.Action == b.Action,
        ComRuleField.EdgeTraversalOptions => a.EdgeTraversalOptions == b.EdgeTraversalOptions,
        ComRuleField.LocalAppPackageId => SameText(a.LocalAppPackageId, b.LocalAppPackageId),
        ComRuleField.LocalUserOwner => SameText(a.LocalUserOwner, b.LocalUserOwner),
        ComRuleField.LocalUserAuthorizedList => SameText(a.LocalUserAuthorizedList, b.LocalUserAuthorizedList),
        ComRuleField.RemoteUserAuthorizedList => SameText(a.RemoteUserAuthorizedList, b.RemoteUserAuthorizedList),
        ComRuleField.RemoteMachineAuthorizedList => SameText(a.RemoteMachineAuthorizedList, b.RemoteMachineAuthorizedList),
        ComRuleField.SecureFlags => a.SecureFlags == b.SecureFlags,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary><paramref name="to"/> with <paramref name="field"/> taken from <paramref name="from"/>.</summary>
    public static ComRuleRecord Copy(ComRuleField field, ComRuleRecord from, ComRuleRecord to) => field switch
    {
        ComRuleField.Name => to with { Name = from.Name },
        ComRuleField.Description => to with { Description = from.Description },
        ComRuleField.ApplicationName => to with { ApplicationName = from.ApplicationName },
        ComRuleField.ServiceName => to with { ServiceName = from.ServiceName },
        ComRuleField.Protocol => to with { Protocol = from.Protocol },
        ComRuleField.LocalPorts => to with { LocalPorts = from.LocalPorts },
        ComRuleField.RemotePorts => to with { RemotePorts = from.RemotePorts },
        ComRuleField.LocalAddresses => to with { LocalAddresses = from.LocalAddresses },
        ComRuleField.RemoteAddresses => to with { RemoteAddresses = from.RemoteAddresses },
        ComRuleField.IcmpTypesAndCodes => to with { IcmpTypesAndCodes = from.IcmpTypesAndCodes },
        ComRuleField.Direction => to with { Direction = from.Direction },
        ComRuleField.Interfaces => to with { Interfaces = from.Interfaces },
        ComRuleField.InterfaceTypes => to with { InterfaceTypes = from.InterfaceTypes },
        ComRuleField.Enabled => to with { Enabled = from.Enabled },
        ComRuleField.Grouping => to with { Grouping = from.Grouping },
        ComRuleField.Profiles => to with { Profiles = from.Profiles },
        ComRuleField.EdgeTraversal => to with { EdgeTraversal = from.EdgeTraversal },
        ComRuleField.Action => to with { Action = from.Action },
        ComRuleField.EdgeTraversalOptions => to with { EdgeTraversalOptions = from.EdgeTraversalOptions, EdgeTraversal = from.EdgeTraversal },
        ComRuleField.LocalAppPackageId => to with { LocalAppPackageId = from.LocalAppPackageId },
        ComRuleField.LocalUserOwner => to with { LocalUserOwner = from.LocalUserOwner },
        ComRuleField.LocalUserAuthorizedList => to with { LocalUserAuthorizedList = from.LocalUserAuthorizedList },
        ComRuleField.RemoteUserAuthorizedList => to with { RemoteUserAuthorizedList = from.RemoteUserAuthorizedList },
        ComRuleField.RemoteMachineAuthorizedList => to with { RemoteMachineAuthorizedList = from.RemoteMachineAuthorizedList },
        ComRuleField.SecureFlags => to with { SecureFlags = from.SecureFlags },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static bool SameText(string? a, string? b) => string.Equals(a ?? string.Empty, b ?? string.Empty, StringComparison.Ordinal);
}
