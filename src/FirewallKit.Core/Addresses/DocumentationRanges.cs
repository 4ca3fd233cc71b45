namespace FirewallKit.Core.Addresses;

/// <summary>
/// The address blocks reserved for documentation (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24;
/// RFC 3849: 2001:db8::/32). No real host has one, so <c>fwkit init</c> writes them as placeholders, and a
/// profile that still holds one is a starter, not a deployment.
/// </summary>
public static class DocumentationRanges
{
    private static readonly AddressRange[] Blocks =
    [
        AddressRange.Parse("192.0.2.0/24", null),
        AddressRange.Parse("198.51.100.0/24", null),
        AddressRange.Parse("203.0.113.0/24", null),
        AddressRange.Parse("2001:db8::/32", null),
    ];

    public static IReadOnlyList<AddressRange> All => Blocks;

    public static string Names => "192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32";

    /// <summary>True when every address of <paramref name="range"/> is in one documentation block.</summary>
    public static bool Contain(AddressRange range)
    {
        // A loop, not Any(): every address of a profile is asked.
        foreach (var block in Blocks)
        {
            if (block.Family == range.Family && block.Start <= range.Start && range.End <= block.End)
            {
                return true;
            }
        }

        return false;
    }
}
