using System.Net;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Audit;

/// <summary>
/// An immutable set of literal IPv4/IPv6 addresses (no keywords), with the set algebra the audit needs.
/// This is the audit's one seam onto <see cref="AddressSet"/> and <see cref="AddressParser"/>, whose API
/// is being reworked: nothing else under Audit touches them, so a change there is fixed here alone.
/// </summary>
public sealed class AddressBlock : IEquatable<AddressBlock>
{
    public static readonly AddressBlock Any = new(AddressSet.Any);
    public static readonly AddressBlock Empty = new(AddressSet.Empty);

    /// <summary>127.0.0.0/8 and ::1: Windows Firewall does not filter loopback, so the audit leaves it out of every set.</summary>
    public static readonly AddressBlock Loopback = new(AddressSet.Parse("127.0.0.0/8", "::1"));

    private readonly AddressSet _set;

    private AddressBlock(AddressSet set)
    {
        // Results of Except are rebuilt so that "all of IPv4 and IPv6" is always Any and equality holds.
        _set = set.IsAny ? AddressSet.Any : AddressSet.FromRanges(set.Ranges);
    }

    public bool IsAny => _set.IsAny;

    public bool IsEmpty => !_set.IsAny && _set.Ranges.IsEmpty;

    /// <summary>Literal address tokens (shortest form); keywords are refused.</summary>
    public static AddressBlock Parse(params string[] tokens)
    {
        var blocks = new List<AddressBlock>();
        foreach (var token in tokens)
        {
            var (literal, keyword) = ParseToken(token);
            blocks.Add(literal ?? throw new FormatException($"'{keyword}' is a keyword, not a literal address"));
        }

        return Union(blocks);
    }

    /// <summary>
    /// One address token in any form Windows prints (10.0.0.5, 10.0.0.0/24, 10.0.0.0/255.255.255.0, a-b, IPv6 alike)
    /// or a keyword (LocalSubnet, DNS, ..., canonical spelling); Any is the literal <see cref="Any"/>.
    /// </summary>
    /// <exception cref="FormatException">The token is neither; the message says which forms are accepted.</exception>
    public static (AddressBlock? Literal, string? Keyword) ParseToken(string token)
    {
        var parsed = AddressParser.Parse(token);
        if (parsed.Keyword is { } keyword)
        {
            return keyword == AddressKeyword.Any ? (Any, null) : (null, keyword);
        }

        return (new AddressBlock(AddressSet.FromRanges([parsed.Range!.Value])), null);
    }

    /// <summary>The forms <see cref="ParseToken"/> accepts, for error messages.</summary>
    public static string AcceptedForms => AddressParser.AcceptedForms;

    public static AddressBlock Union(IEnumerable<AddressBlock> blocks) =>
        new(AddressSet.Union(blocks.Select(b => b._set).DefaultIfEmpty(AddressSet.Empty).ToList()));

    public AddressBlock Union(AddressBlock other) => new(_set.Union(other._set));

    public AddressBlock Except(AddressBlock other) => new(_set.Except(other._set));

    public AddressBlock Intersect(AddressBlock other) => Except(Except(other));

    public bool Overlaps(AddressBlock other) => !Intersect(other).IsEmpty;

    public bool Contains(IPAddress address) => _set.Contains(address);

    /// <summary>Shortest tokens (address, CIDR, or a-b range), IPv4 first; <c>Any</c> alone; nothing when empty.</summary>
    public IReadOnlyList<string> ToTokens() => IsEmpty ? [] : _set.ToTokens();

    public bool Equals(AddressBlock? other) => other is not null && _set.Equals(other._set);

    public override bool Equals(object? obj) => Equals(obj as AddressBlock);

    public override int GetHashCode() => _set.GetHashCode();

    public override string ToString() => IsEmpty ? "nobody" : string.Join(", ", ToTokens());
}
