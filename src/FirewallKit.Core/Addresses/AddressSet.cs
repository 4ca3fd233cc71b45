using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.InteropServices;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Addresses;

/// <summary>
/// An immutable, normalised set of remote addresses: an <see cref="IntervalSet{T}"/> per IP family
/// plus any Windows keywords. Two sets that admit the same addresses are equal, whatever forms they
/// were written in, which is what lets read-back (<c>10.0.1.0/255.255.255.0</c>) equal the plan (<c>10.0.1.0/24</c>).
/// </summary>
public sealed class AddressSet : IEquatable<AddressSet>, IParsable<AddressSet>
{
    public static readonly AddressSet Empty = new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Empty, [], isAny: false);
    public static readonly AddressSet Any = new(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Empty, [], isAny: true);

    // Formatting thousands of addresses is the dearest step of a plan, and a set is immutable:
    // its tokens are made once and shared by every rule and decision that lists them.
    private IReadOnlyList<string>? _tokens;
    private ImmutableArray<AddressRange> _ranges;

    private AddressSet(IntervalSet<uint> v4, IntervalSet<UInt128> v6, ImmutableArray<AddressKeyword> keywords, bool isAny, IReadOnlyList<string>? tokens = null)
    {
        V4 = v4;
        V6 = v6;
        Keywords = keywords;
        IsAny = isAny;
        _tokens = tokens;
    }

    public IntervalSet<uint> V4 { get; }

    public IntervalSet<UInt128> V6 { get; }

    /// <summary>Merged, sorted ranges, IPv4 first. Empty when <see cref="IsAny"/>.</summary>
    public ImmutableArray<AddressRange> Ranges
    {
        get
        {
            if (_ranges.IsDefault)
            {
                _ranges = [.. V4.Intervals.Select(AddressRange.Of), .. V6.Intervals.Select(AddressRange.Of)];
            }

            return _ranges;
        }
    }

    /// <summary>Keywords other than Any, sorted by spelling.</summary>
    public ImmutableArray<AddressKeyword> Keywords { get; }

    public bool IsAny { get; }

    public bool IsEmpty => !IsAny && V4.IsEmpty && V6.IsEmpty && Keywords.IsEmpty;

    public bool HasKeywords => !Keywords.IsEmpty;

    /// <summary>Number of entries Windows will store: one per range or keyword.</summary>
    public int EntryCount => IsAny ? 1 : V4.Intervals.Length + V6.Intervals.Length + Keywords.Length;

    public static AddressSet Of(IEnumerable<AddressToken> tokens)
    {
        // Most sets a profile lists are one address (a peer, a load balancer): nothing to sort or merge.
        if (tokens is IReadOnlyList<AddressToken> { Count: 1 } one && one[0].Range is { } single && single != AddressRange.All(single.Family))
        {
            return single.Family == IpFamily.V4
                ? new AddressSet(IntervalSet<uint>.Of(new Interval<uint>((uint)single.Start, (uint)single.End)), IntervalSet<UInt128>.Empty, [], isAny: false)
                : new AddressSet(IntervalSet<uint>.Empty, IntervalSet<UInt128>.Of(new Interval<UInt128>(single.Start, single.End)), [], isAny: false);
        }

        var ranges = new List<AddressRange>();
        var keywords = new List<AddressKeyword>();
        foreach (var token in tokens)
        {
            if (token.Keyword is { } keyword)
            {
                keywords.Add(keyword);
            }
            else
            {
                ranges.Add(token.Range!.Value);
            }
        }

        return Create(ranges, keywords);
    }

    public static AddressSet Of(AddressKeyword keyword) => Create([], [keyword]);

    public static AddressSet Of(AddressToken token) => token.Keyword is { } keyword ? Of(keyword) : Of([token]);

    public static AddressSet FromRanges(IEnumerable<AddressRange> ranges) => Create(ranges, []);

    /// <summary>IPv4 intervals only, as <see cref="Of(IEnumerable{AddressToken})"/> makes of their tokens; the caller hands over a list nobody else holds.</summary>
    internal static AddressSet OfIPv4(List<Interval<uint>> owned) =>
        Create(IntervalSet<uint>.Normalise(owned), IntervalSet<UInt128>.Empty, []);

    /// <summary>Tokens known to be valid; throws <see cref="AddressParseException"/> for one that is not.</summary>
    public static AddressSet Parse(IEnumerable<string> tokens) => Of(tokens.Select(AddressParser.Parse));

    public static AddressSet Parse(params string[] tokens) => Parse((IEnumerable<string>)tokens);

    /// <summary>Tokens as written or read back; a token may itself be a comma-separated list (<c>*</c> means Any).</summary>
    public static bool TryParse(IEnumerable<string> tokens, [NotNullWhen(true)] out AddressSet? set)
    {
        var parsed = new List<AddressToken>();
        foreach (var token in tokens.SelectMany(SplitList))
        {
            if (!AddressParser.TryParse(token, out var one, out _))
            {
                set = null;
                return false;
            }

            parsed.Add(one);
        }

        set = Of(parsed);
        return true;
    }

    /// <summary>A comma-separated list as the COM API and netsh read it back (<c>*</c> means Any).</summary>
    public static AddressSet ParseList(string list) => Parse(SplitList(list));

    public static AddressSet Parse(string s, IFormatProvider? provider) => ParseList(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out AddressSet result)
    {
        result = null;
        return s is not null && TryParse([s], out result);
    }

    /// <summary>A comma-separated list as Windows writes one, split into its tokens.</summary>
    public static string[] SplitList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static AddressSet Create(IEnumerable<AddressRange> ranges, IEnumerable<AddressKeyword> keywords)
    {
        var keywordList = keywords.Distinct().ToList();
        if (keywordList.Any(k => k.IsAny))
        {
            return Any;
        }

        var v4 = new List<Interval<uint>>();
        var v6 = new List<Interval<UInt128>>();
        foreach (var range in ranges)
        {
            if (range.Family == IpFamily.V4)
            {
                v4.Add(new Interval<uint>((uint)range.Start, (uint)range.End));
            }
            else
            {
                v6.Add(new Interval<UInt128>(range.Start, range.End));
            }
        }

        return Create(IntervalSet<uint>.Normalise(v4), IntervalSet<UInt128>.Normalise(v6), keywordList);
    }

    private static AddressSet Create(IntervalSet<uint> v4, IntervalSet<UInt128> v6, List<AddressKeyword> keywords)
    {
        // All of IPv4 and all of IPv6 together is what Windows calls Any.
        if (keywords.Count == 0 && v4.IsAll && v6.IsAll)
        {
            return Any;
        }

        keywords.Sort();
        return new AddressSet(v4, v6, [.. keywords], isAny: false);
    }

    /// <summary>
    /// The union of many sets in one sort and merge: folding <see cref="Union(AddressSet)"/> over
    /// thousands of peers re-sorts the growing set each time, which is quadratic.
    /// </summary>
    public static AddressSet Union(IEnumerable<AddressSet> sets)
    {
        var list = sets as IReadOnlyCollection<AddressSet> ?? sets.ToList();
        if (list.Count == 1)
        {
            return list.First();
        }

        if (list.Any(set => set.IsAny))
        {
            return Any;
        }

        var v4 = new List<IntervalSet<uint>>(list.Count);
        var v6 = new List<IntervalSet<UInt128>>(list.Count);
        var keywords = new List<AddressKeyword>();
        foreach (var set in list)
        {
            v4.Add(set.V4);
            v6.Add(set.V6);
            foreach (var keyword in set.Keywords)
            {
                if (!keywords.Contains(keyword))
                {
                    keywords.Add(keyword);
                }
            }
        }

        return Create(IntervalSet<uint>.Union(v4), IntervalSet<UInt128>.Union(v6), keywords);
    }

    public AddressSet Union(AddressSet other) => IsAny || other.IsAny ? Any : Union([this, other]);

    /// <summary>
    /// Every address of both families that this set does not contain. Keywords have no
    /// complement Windows can express, so a set with keywords cannot be complemented.
    /// </summary>
    public AddressSet Complement()
    {
        if (HasKeywords)
        {
            throw new InvalidOperationException("A set with keywords (" + string.Join(", ", Keywords) + ") has no literal complement.");
        }

        return IsAny ? Empty : new AddressSet(V4.Complement(), V6.Complement(), [], isAny: false);
    }

    /// <summary>The literal addresses of this set that are not in <paramref name="other"/>; this set's keywords stay.</summary>
    public AddressSet Except(AddressSet other)
    {
        if (other.IsAny)
        {
            return Empty;
        }

        var (v4, v6) = IsAny ? (IntervalSet<uint>.All, IntervalSet<UInt128>.All) : (V4, V6);
        return new AddressSet(v4.Except(other.V4), v6.Except(other.V6), Keywords, isAny: false);
    }

    /// <summary>Whether a literal address is in the set. Keywords are not resolved (they depend on the machine).</summary>
    public bool Contains(IPAddress address)
    {
        if (IsAny)
        {
            return true;
        }

        var (family, value) = AddressRange.ToInteger(address);
        return family == IpFamily.V4 ? V4.Contains((uint)value) : V6.Contains(value);
    }

    /// <summary>The tokens to hand Windows: ranges in shortest form, then keywords; <c>Any</c> alone.</summary>
    public IReadOnlyList<string> ToTokens() =>
        _tokens ??= IsAny ? ImmutableArray.Create(AddressKeyword.Any.ToString()) : FormatTokens();

    private ImmutableArray<string> FormatTokens()
    {
        // From the intervals, not through Ranges: a set of thousands would keep a second copy of itself.
        var (v4, v6) = (V4.Intervals, V6.Intervals);
        var tokens = new string[v4.Length + v6.Length + Keywords.Length];
        for (var i = 0; i < v4.Length; i++)
        {
            tokens[i] = AddressRange.Of(v4[i]).ToString();
        }

        for (var i = 0; i < v6.Length; i++)
        {
            tokens[v4.Length + i] = AddressRange.Of(v6[i]).ToString();
        }

        for (var i = 0; i < Keywords.Length; i++)
        {
            tokens[v4.Length + v6.Length + i] = Keywords[i].ToString();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(tokens);
    }

    /// <summary>Splits into sets of at most <paramref name="maxEntries"/> entries each (Windows caps a rule's list at 1000).</summary>
    public IReadOnlyList<AddressSet> Chunk(int maxEntries)
    {
        if (EntryCount <= maxEntries)
        {
            return [this];
        }

        // The intervals are merged already, so consecutive slices (IPv4, then IPv6, then keywords,
        // as in ToTokens) are normalised sets as they stand.
        var tokens = ((ImmutableArray<string>)ToTokens()).AsSpan();
        var (v4Count, v6Count) = (V4.Intervals.Length, V6.Intervals.Length);
        var chunks = new List<AddressSet>();
        for (var start = 0; start < tokens.Length; start += maxEntries)
        {
            var end = Math.Min(start + maxEntries, tokens.Length);
            var v4 = V4.Slice(Math.Min(start, v4Count), Math.Clamp(end, 0, v4Count) - Math.Min(start, v4Count));
            var v6Start = Math.Clamp(start - v4Count, 0, v6Count);
            var v6 = V6.Slice(v6Start, Math.Clamp(end - v4Count, 0, v6Count) - v6Start);
            var keywordStart = Math.Max(0, start - v4Count - v6Count);
            var keywords = Keywords[keywordStart..Math.Max(keywordStart, end - v4Count - v6Count)];
            chunks.Add(new AddressSet(v4, v6, keywords, isAny: false, ImmutableArray.Create(tokens[start..end])));
        }

        return chunks;
    }

    public bool Equals(AddressSet? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (IsAny == other.IsAny && V4.Equals(other.V4) && V6.Equals(other.V6) && Keywords.SequenceEqual(other.Keywords)));

    public override bool Equals(object? obj) => Equals(obj as AddressSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsAny);
        hash.Add(V4);
        hash.Add(V6);
        foreach (var keyword in Keywords)
        {
            hash.Add(keyword);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(",", ToTokens());
}
