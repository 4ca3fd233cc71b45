using System.Globalization;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Audit;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// One rule field the plan never sets (it wants it empty, any or off), how it reads from a
/// <see cref="ComRuleRecord"/> when it is set, and how it is put back. A value other than the
/// default narrows or changes what the rule matches: a Program on a block rule makes it block
/// that program only. So each is carried into <see cref="Core.Plan.FirewallRule.ExtraFields"/>,
/// where it shows as drift.
/// </summary>
internal sealed record ComExtraField(
    ComRuleField Field,
    string Key,
    Func<ComRuleRecord, string?> Read,
    Func<ComRuleRecord, string?, ComRuleRecord> Write)
{
    /// <summary>Every field the plan leaves at its default, in netfw.h order.</summary>
    public static IReadOnlyList<ComExtraField> All { get; } =
    [
        Text(ComRuleField.ApplicationName, "applicationName", r => r.ApplicationName, (r, v) => r with { ApplicationName = v }),
        Text(ComRuleField.ServiceName, "serviceName", r => r.ServiceName, (r, v) => r with { ServiceName = v }),
        Text(ComRuleField.RemotePorts, "remotePorts", r => r.RemotePorts, (r, v) => r with { RemotePorts = v ?? NetFwValues.Any }, NetFwValues.Any),
        Text(ComRuleField.LocalAddresses, "localAddresses", r => r.LocalAddresses, (r, v) => r with { LocalAddresses = v ?? NetFwValues.Any }, NetFwValues.Any),
        Text(ComRuleField.IcmpTypesAndCodes, "icmpTypesAndCodes", r => r.IcmpTypesAndCodes, (r, v) => r with { IcmpTypesAndCodes = v }, NetFwValues.Any),
        new(
            ComRuleField.Interfaces,
            "interfaces",
            r => r.Interfaces is { Count: > 0 } names ? string.Join(",", names) : null,
            (r, v) => r with { Interfaces = v is null ? null : v.Split(',') }),
        Text(ComRuleField.InterfaceTypes, "interfaceTypes", r => r.InterfaceTypes, (r, v) => r with { InterfaceTypes = v ?? AllInterfaceTypes }, AllInterfaceTypes),
        Number(ComRuleField.EdgeTraversalOptions, "edgeTraversalOptions", r => r.EdgeTraversalOptions, (r, v) => r with { EdgeTraversalOptions = v, EdgeTraversal = v == 1 }),
        new(
            ComRuleField.EdgeTraversal,
            "edgeTraversal",
            // EdgeTraversalOptions carries EdgeTraversal with it; only a lone flag is its own finding.
            r => r.EdgeTraversal && r.EdgeTraversalOptions == 0 ? "true" : null,
            (r, v) => v is null ? r : r with { EdgeTraversal = true }),
        Text(ComRuleField.LocalAppPackageId, "localAppPackageId", r => r.LocalAppPackageId, (r, v) => r with { LocalAppPackageId = v }),
        Text(ComRuleField.LocalUserOwner, "localUserOwner", r => r.LocalUserOwner, (r, v) => r with { LocalUserOwner = v }),
        Text(ComRuleField.LocalUserAuthorizedList, "localUserAuthorizedList", r => r.LocalUserAuthorizedList, (r, v) => r with { LocalUserAuthorizedList = v }),
        Text(ComRuleField.RemoteUserAuthorizedList, "remoteUserAuthorizedList", r => r.RemoteUserAuthorizedList, (r, v) => r with { RemoteUserAuthorizedList = v }),
        Text(ComRuleField.RemoteMachineAuthorizedList, "remoteMachineAuthorizedList", r => r.RemoteMachineAuthorizedList, (r, v) => r with { RemoteMachineAuthorizedList = v }),
        Number(ComRuleField.SecureFlags, "secureFlags", r => r.SecureFlags, (r, v) => r with { SecureFlags = v }),
    ];

    /// <summary>What Windows reads back for "every interface type".</summary>
    public const string AllInterfaceTypes = "All";

    /// <summary>A text field: unset when null, empty or its "any" spelling (compared without regard to case).</summary>
    private static ComExtraField Text(ComRuleField field, string key, Func<ComRuleRecord, string?> get, Func<ComRuleRecord, string?, ComRuleRecord> set, string? any = null) =>
        new(field, key, r => get(r) is { Length: > 0 } value && !string.Equals(value, any, StringComparison.OrdinalIgnoreCase) ? value : null, set);

    /// <summary>A number field: unset when 0.</summary>
    private static ComExtraField Number(ComRuleField field, string key, Func<ComRuleRecord, int> get, Func<ComRuleRecord, int, ComRuleRecord> set) =>
        new(
            field,
            key,
            r => get(r) is not 0 and var value ? value.ToString(CultureInfo.InvariantCulture) : null,
            (r, v) => set(r, v is null ? 0 : int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new FirewallStoreException($"'{v}' is not a number for the rule field {key}")));
}
