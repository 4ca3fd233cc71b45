using System.Collections.Immutable;

namespace FirewallKit.Core.Audit;

/// <summary>
/// A rule's local or remote addresses: literal ranges, plus keywords (LocalSubnet, DNS, Internet, ...)
/// that only the machine can resolve. The audit never guesses a keyword's addresses: an allow rule's
/// keyword counts as "some addresses may get in", a block rule's as "some may be kept out".
/// </summary>
public sealed record RuleAddresses(AddressBlock Literal, ImmutableArray<string> Keywords)
{
    public static readonly RuleAddresses Any = new(AddressBlock.Any, []);

    public bool IsAny => Literal.IsAny;

    public bool HasKeywords => !Keywords.IsEmpty;

    /// <summary>Tokens in any form Windows prints; <c>Any</c> or <c>*</c> (or nothing) is every address.</summary>
    /// <exception cref="FormatException">A token is not an address, a subnet, a range or a keyword.</exception>
    public static RuleAddresses Parse(IEnumerable<string> tokens)
    {
        var literals = new List<AddressBlock>();
        var keywords = new SortedSet<string>(StringComparer.Ordinal);
        var any = true;
        foreach (var token in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            any = false;
            var (literal, keyword) = AddressBlock.ParseToken(token);
            if (literal is not null)
            {
                if (literal.IsAny)
                {
                    return Any;
                }

                literals.Add(literal);
            }
            else
            {
                keywords.Add(keyword!);
            }
        }

        return any ? Any : new RuleAddresses(AddressBlock.Union(literals), [.. keywords]);
    }

    public IReadOnlyList<string> ToTokens() => [.. Literal.ToTokens(), .. Keywords];

    public override string ToString() => string.Join(",", ToTokens());
}
