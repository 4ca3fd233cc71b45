using System.Globalization;
using FirewallKit.Core.Audit;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
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
    private static readonly NetworkProfiles[] EachProfile = [NetworkProfiles.Domain, NetworkProfiles.Private, NetworkProfiles.Public];

    /// <summary>What COM cannot say; <see cref="RegistryStoreRuleSource"/> answers both from the registry and drops these notes.</summary>
    public const string StoreUnknownNote = "the COM API does not say which policy store a rule comes from; every rule is treated as applying";

    public const string MergeKnownForActiveProfilesNote = "whether Group Policy honours local rules is known for the active profiles only; the others are assumed to honour them";

    public ObservedFirewall Read()
    {
        using var policy = new NetFwPolicy(objects);
        var notes = new List<string>
        {
            StoreUnknownNote,
        };
        var rules = new List<StoredRule>();
        using (var collection = policy.OpenRules())
        {
            var index = 0;
            foreach (var item in collection.Enumerate())
            {
                using (item)
                {
                    index++;
                    var record = ComRuleReader.Read(item.Interface);
                    if (ComRuleMapping.Read(record, out var why) is { } rule)
                    {
                        rules.Add(rule with { Location = string.Create(CultureInfo.InvariantCulture, $"INetFwPolicy2.Rules #{index}") });
                    }
                    else
                    {
                        notes.Add($"rule '{record.Name}' (#{index}) left out: it {why}");
                    }
                }
            }
        }

        MappedAddressNotes.Add(rules, notes);
        return new ObservedFirewall(machineName, "live", rules, ReadProfiles(policy.Interface, notes), notes);
    }

    private static List<ProfileState> ReadProfiles(INetFwPolicy2 policy, List<string> notes)
    {
        var active = policy.get_CurrentProfileTypes();
        var groupPolicyOverrides = policy.get_LocalPolicyModifyState() == NetFwValues.ModifyStateGroupPolicyOverride;
        if (EachProfile.Any(p => (active & (int)p) == 0))
        {
            notes.Add(MergeKnownForActiveProfilesNote);
        }

        return
        [
            .. EachProfile.Select(profile => new ProfileState(
                profile,
                policy.get_FirewallEnabled((int)profile),
                policy.get_DefaultInboundAction((int)profile) == NetFwValues.ActionAllow ? RuleAction.Allow : RuleAction.Block,
                AllowInboundRules: !policy.get_BlockAllInboundTraffic((int)profile),
                AllowLocalRules: (active & (int)profile) == 0 || !groupPolicyOverrides,
                Known: true)),
        ];
    }
}
