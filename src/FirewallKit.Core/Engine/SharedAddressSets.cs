using FirewallKit.Core.Addresses;
using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Engine;

/// <summary>
/// The address sets of one plan, shared: sets equal by meaning become one instance (so their tokens
/// are formatted once), and each union of audiences and each "everyone else" is computed once. With
/// thousands of peers the same peer set reaches many ports, and recomputing it per port dominated the plan.
/// </summary>
internal sealed class SharedAddressSets
{
    private readonly Dictionary<AddressSet, AddressSet> _byValue = [];
    private readonly Dictionary<string, AddressSet> _unions = new(StringComparer.Ordinal);
    private readonly Dictionary<AddressSet, AddressSet> _others = new(ReferenceEqualityComparer.Instance);

    public AddressSet Intern(AddressSet set)
    {
        if (_byValue.TryGetValue(set, out var existing))
        {
            return existing;
        }

        _byValue[set] = set;
        return set;
    }

    /// <summary>The union of named audiences; within one plan a name always stands for the same set.</summary>
    public AddressSet Union(IReadOnlyList<(string Audience, AddressSet Addresses)> sources)
    {
        var key = string.Join("\n", sources.Select(s => s.Audience));
        if (!_unions.TryGetValue(key, out var union))
        {
            union = Intern(AddressSet.Union(sources.Select(s => s.Addresses)));
            _unions[key] = union;
        }

        return union;
    }

    /// <summary>Every literal address outside <paramref name="allowed"/>, less <paramref name="exempt"/>.</summary>
    public AddressSet Others(AddressSet allowed, AddressSet exempt)
    {
        if (!_others.TryGetValue(allowed, out var others))
        {
            others = Intern(allowed.Complement().Except(exempt));
            _others[allowed] = others;
        }

        return others;
    }
}
