using System.Globalization;
using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.Audit;

/// <summary>Address sets in sentences: <c>Any</c> for every address but loopback and <c>::</c> (which no rule names), long lists cut short.</summary>
public static class AddressText
{
    public static string Of(AddressSet block, int maxTokens = 6)
    {
        if (block.IsEmpty)
        {
            return "nobody";
        }

        if (block.Union(OutsideRules.Addresses).IsAny)
        {
            return "Any";
        }

        var tokens = block.ToTokens();
        return tokens.Count <= maxTokens
            ? string.Join(", ", tokens)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", tokens.Take(maxTokens))}, … ({tokens.Count} entries)");
    }
}
