using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// The live machine for the audit (<see cref="IRuleSource"/>): every rule of INetFwPolicy2.Rules,
/// both directions, every group, with every field that changes what it matches, and the state of
/// each profile. COM does not say which store a rule comes from, so each is
/// <see cref="RuleStore.Unknown"/> (treated as applying), and a note says so; whether local rules
/// are honoured is known from <c>LocalPolicyModifyState</c> for the profiles active now only.
/// A rule whose lists cannot be read is left out with a note, never guessed.
/// </summary>
public sealed class ComRuleSource(INetFwObjectSource objects, string machineName) : IRuleSource
{
    private static readonly FirewallProfiles[] EachProfile = [FirewallProfiles.Domain, FirewallProfiles.Private, FirewallProfiles.Public];

    public ObservedFirewall Read()
    {
        using var policy = new NetFwPolicy(objects);
        var notes = new List<string>
        {
            "the COM API does not say which policy store a rule comes from; every rule is treated as applying",
        };
        var rules = new List<ObservedRule>();
        using (var collection = policy.OpenRules())
        {
            var index = 0;
            foreach (var item in collection.Enumerate())
            {
                using (item)
                {
                    index++;
                    var record = ComRuleReader.Read(item.Interface);
                    if (Observe(record, index, out var why) is { } rule)
                    {
                        rules.Add(rule);
                    }
                    else
                    {
                        notes.Add($"rule '{record.Name}' (#{index}) left out: {why}");
                    }
                }
            }
        }

        MappedAddressNotes.Add(rules, notes);
        return new ObservedFirewall(machineName, "live", rules, ReadProfiles(policy.Interface, notes), notes);
    }

    /// <summary>One rule in the audit's model, or null and why not.</summary>
    public static ObservedRule? Observe(ComRuleRecord record, int index, out string? why)
    {
        why = null;
        var lists = new[]
        {
            ("local ports", record.LocalPorts),
            ("remote ports", record.RemotePorts),
        };
        var ports = new PortSet[2];
        for (var i = 0; i < lists.Length; i++)
        {
            if (!TryPorts(lists[i].Item2, out ports[i]))
            {
                why = $"its {lists[i].Item1} '{lists[i].Item2}' cannot be read";
                return null;
            }
        }

        if (!TryAddresses(record.LocalAddresses, out var local))
        {
            why = $"its local addresses '{record.LocalAddresses}' cannot be read";
            return null;
        }

        if (!TryAddresses(record.RemoteAddresses, out var remote))
        {
            why = $"its remote addresses '{record.RemoteAddresses}' cannot be read";
            return null;
        }

        return new ObservedRule(
            Id: null,
            DisplayName: record.Name ?? string.Empty,
            Group: record.Grouping ?? string.Empty,
            record.Enabled,
            record.Direction == NetFwValues.DirectionOut ? ObservedDirection.Outbound : ObservedDirection.Inbound,
            record.Action == NetFwValues.ActionAllow ? ObservedAction.Allow : ObservedAction.Block,
            record.Protocol == NetFwValues.ProtocolAny ? ObservedProtocol.Any : new ObservedProtocol(record.Protocol),
            ports[0],
            ports[1],
            local,
            remote,
            string.IsNullOrEmpty(record.ApplicationName) ? null : record.ApplicationName,
            string.IsNullOrEmpty(record.ServiceName) ? null : record.ServiceName,
            ComRuleMapping.ProfilesFromMask(record.Profiles),
            record.EdgeTraversalOptions switch
            {
                1 => EdgeTraversal.Allow,
                2 => EdgeTraversal.DeferToApp,
                3 => EdgeTraversal.DeferToUser,
                _ => record.EdgeTraversal ? EdgeTraversal.Allow : EdgeTraversal.Block,
            },
            InterfaceTypesOf(record.InterfaceTypes),
            Security(record.SecureFlags),
            RuleStore.Unknown,
            string.Create(CultureInfo.InvariantCulture, $"INetFwPolicy2.Rules #{index}"));
    }

    private static List<ProfileState> ReadProfiles(INetFwPolicy2 policy, List<string> notes)
    {
        var active = policy.get_CurrentProfileTypes();
        var groupPolicyOverrides = policy.get_LocalPolicyModifyState() == NetFwValues.ModifyStateGroupPolicyOverride;
        if (EachProfile.Any(p => (active & (int)p) == 0))
        {
            notes.Add("whether Group Policy honours local rules is known for the active profiles only; the others are assumed to honour them");
        }

        return
        [
            .. EachProfile.Select(profile => new ProfileState(
                profile,
                policy.get_FirewallEnabled((int)profile),
                policy.get_DefaultInboundAction((int)profile) == NetFwValues.ActionAllow ? ObservedAction.Allow : ObservedAction.Block,
                AllowInboundRules: !policy.get_BlockAllInboundTraffic((int)profile),
                AllowLocalRules: (active & (int)profile) == 0 || !groupPolicyOverrides,
                Known: true)),
        ];
    }

    private static bool TryPorts(string? text, out PortSet ports)
    {
        if (string.IsNullOrEmpty(text) || text == NetFwValues.Any)
        {
            ports = PortSet.Any;
            return true;
        }

        var ok = PortSet.TryParse([text], out var parsed);
        ports = parsed ?? PortSet.Any;
        return ok;
    }

    private static bool TryAddresses(string? text, out AddressSet addresses)
    {
        if (string.IsNullOrEmpty(text) || text == NetFwValues.Any)
        {
            addresses = AddressSet.Any;
            return true;
        }

        var ok = AddressSet.TryParse([text], out var parsed);
        addresses = parsed ?? AddressSet.Any;
        return ok;
    }

    private static InterfaceTypes InterfaceTypesOf(string? text)
    {
        var types = InterfaceTypes.Any;
        foreach (var name in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            types |= name.ToUpperInvariant() switch
            {
                "LAN" => InterfaceTypes.Lan,
                "WIRELESS" => InterfaceTypes.Wireless,
                "REMOTEACCESS" => InterfaceTypes.RemoteAccess,
                _ => InterfaceTypes.Any,
            };
        }

        return types;
    }

    /// <summary>NET_FW_AUTHENTICATE_TYPE in PowerShell's Authentication/Encryption words.</summary>
    private static string Security(int flags) => flags switch
    {
        0 => "NotRequired",
        1 => "AuthenticateNoEncapsulation",
        2 => "Authenticate",
        3 => "AuthenticateDynamicEncryption",
        4 => "AuthenticateEncrypt",
        _ => string.Create(CultureInfo.InvariantCulture, $"SecureFlags {flags}"),
    };
}
