using System.Collections.Immutable;
using System.Globalization;

namespace FirewallKit.Core.Plan;

/// <summary>
/// A rule's local ports, normalised so that the firewall's read-back (<c>80,443</c>, <c>*</c>,
/// <c>RPC-EPMap</c>) equals what was written (<c>["443", "80"]</c>, <c>Any</c>, <c>RPCEPMap</c>):
/// ranges sorted and merged, keywords in their COM spelling.
/// </summary>
public sealed class PortSet : IEquatable<PortSet>
{
    public static readonly PortSet Any = new([], [], isAny: true);

    // PowerShell, netsh and COM spell the port keywords differently; COM's spelling is canonical here.
    private static readonly Dictionary<string, string> KeywordSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RPC"] = "RPC",
        ["RPCEPMap"] = "RPC-EPMap",
        ["RPC-EPMap"] = "RPC-EPMap",
        ["IPHTTPS"] = "IPHTTPS",
        ["IPHTTPSIn"] = "IPHTTPS",
        ["IPTLSIn"] = "IPHTTPS",
        ["Teredo"] = "Teredo",
        ["PlayToDiscovery"] = "Ply2Disc",
        ["Ply2Disc"] = "Ply2Disc",
    };

    private PortSet(ImmutableArray<(int Start, int End)> ranges, ImmutableArray<string> keywords, bool isAny)
    {
        Ranges = ranges;
        Keywords = keywords;
        IsAny = isAny;
    }

    public ImmutableArray<(int Start, int End)> Ranges { get; }

    /// <summary>Port keywords in COM spelling; tokens that are neither ports nor keywords are kept verbatim so they still compare.</summary>
    public ImmutableArray<string> Keywords { get; }

    public bool IsAny { get; }

    /// <summary>Whether a port number is in the set; keywords (RPC, ...) are resolved by the machine, not here.</summary>
    public bool Contains(int port) => IsAny || Ranges.Any(r => port >= r.Start && port <= r.End);

    /// <summary>Tokens as written or as read back; a token may itself be a comma-separated list.</summary>
    public static PortSet Parse(IEnumerable<string> tokens)
    {
        var ranges = new List<(int Start, int End)>();
        var keywords = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (token == "*" || string.Equals(token, "Any", StringComparison.OrdinalIgnoreCase))
            {
                return Any;
            }

            if (TryRange(token) is { } range)
            {
                ranges.Add(range);
            }
            else
            {
                keywords.Add(KeywordSpellings.TryGetValue(token, out var canonical) ? canonical : token);
            }
        }

        return new PortSet(Merge(ranges), [.. keywords], isAny: false);
    }

    public static PortSet Parse(params string[] tokens) => Parse((IEnumerable<string>)tokens);

    /// <summary>Ports and ranges in shortest form, then keywords; <c>Any</c> alone.</summary>
    public IReadOnlyList<string> ToTokens() =>
        IsAny ? ["Any"] : [.. Ranges.Select(Format), .. Keywords];

    private static string Format((int Start, int End) range) =>
        range.Start == range.End
            ? range.Start.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{range.Start}-{range.End}");

    private static (int Start, int End)? TryRange(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return TryPort(token) is { } port ? (port, port) : null;
        }

        return TryPort(token[..dash]) is { } start && TryPort(token[(dash + 1)..]) is { } end && start <= end ? (start, end) : null;
    }

    private static int? TryPort(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : null;

    private static ImmutableArray<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        ranges.Sort();
        var merged = ImmutableArray.CreateBuilder<(int Start, int End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End + 1)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged.ToImmutable();
    }

    public bool Equals(PortSet? other) =>
        other is not null && IsAny == other.IsAny && Ranges.SequenceEqual(other.Ranges) && Keywords.SequenceEqual(other.Keywords);

    public override bool Equals(object? obj) => Equals(obj as PortSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsAny);
        foreach (var range in Ranges)
        {
            hash.Add(range);
        }

        foreach (var keyword in Keywords)
        {
            hash.Add(keyword, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", ToTokens());
}
