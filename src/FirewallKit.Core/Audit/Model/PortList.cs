using System.Collections.Immutable;
using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Audit;

/// <summary>
/// A rule's local or remote ports as Windows prints them: numbers, ranges, Any, and keywords
/// (RPC, RPC-EPMap, IPHTTPS, Teredo, Ply2Disc) that the machine resolves to ports of its own
/// services. Keywords never match a product's port. Parsing goes through <see cref="PortSet"/>,
/// and only this type touches it.
/// </summary>
public sealed class PortList
{
    public static readonly PortList Any = new(PortSet.Any);

    /// <summary>Keywords in the spelling <see cref="PortSet"/> gives them, plus the outbound IP-HTTPS forms Windows also prints.</summary>
    private static readonly string[] KnownKeywords = ["RPC", "RPC-EPMap", "IPHTTPS", "Teredo", "Ply2Disc", "IPHTTPSOut", "IPTLSOut"];

    public const string AcceptedForms = "use port numbers 0-65535, ranges (5000-5010), Any, or the keywords RPC, RPC-EPMap, IPHTTPS, Teredo, PlayToDiscovery";

    private readonly PortSet _set;

    private PortList(PortSet set) => _set = set;

    public bool IsAny => _set.IsAny;

    public ImmutableArray<string> Keywords => _set.Keywords;

    /// <summary>Tokens as printed (<c>80,443</c>, <c>5000-5010</c>, <c>Any</c>, <c>RPC-EPMap</c>); a token may itself be a comma list.</summary>
    /// <exception cref="FormatException">A token is neither a port, a range nor a known keyword.</exception>
    public static PortList Parse(IEnumerable<string> tokens)
    {
        var set = PortSet.Parse(tokens);
        var unknown = set.Keywords.Where(k => !KnownKeywords.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new FormatException($"'{unknown[0]}' is not a port, a range or a port keyword");
        }

        return new PortList(set);
    }

    public static PortList Parse(params string[] tokens) => Parse((IEnumerable<string>)tokens);

    /// <summary>Whether the numbered port is in the list; a keyword never matches one.</summary>
    public bool Contains(int port) => _set.Contains(port);

    /// <summary>The port numbers of a plan's decision row (<c>443</c>, <c>48300</c>, <c>10001-65535</c>), one by one.</summary>
    public IEnumerable<int> Numbers() => _set.Ranges.SelectMany(r => Enumerable.Range(r.Start, r.End - r.Start + 1));

    public int Count => _set.IsAny ? 65536 : _set.Ranges.Sum(r => r.End - r.Start + 1);

    public IReadOnlyList<string> ToTokens() => _set.ToTokens();

    public override string ToString() => string.Join(",", ToTokens());
}
