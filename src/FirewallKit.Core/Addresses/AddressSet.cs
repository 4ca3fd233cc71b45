using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Net;

namespace FirewallKit.Core.Addresses;

/// <summary>
/// An immutable, normalised set of remote addresses: literal ranges sorted, deduplicated and
/// merged into the fewest ranges per family, plus any Windows keywords. Two sets that admit the
/// same addresses have the same <see cref="Ranges"/>, whatever forms they were written in, which
/// is what lets read-back (<c>10.0.1.0/255.255.255.0</c>) compare equal to the plan (<c>10.0.1.0/24</c>).
/// </summary>
public sealed class AddressSet : IEquatable<AddressSet>
{
    public static readonly AddressSet Empty = new([], [], isAny: false);
    public static readonly AddressSet Any = new([], [], isAny: true);

    // Formatting thousands of addresses is the dearest step of a plan, and a set is immutable:
    // its tokens are made once and shared by every rule and decision that lists them.
    private IReadOnlyList<string>? _tokens;

    private AddressSet(ImmutableArray<AddressRange> ranges, ImmutableArray<string> keywords, bool isAny, IReadOnlyList<string>? tokens = null)
    {
        Ranges = ranges;
        Keywords = keywords;
        IsAny = isAny;
        _tokens = tokens;
    }

    /// <summary>Merged, sorted ranges (IPv4 first). Empty when <see cref="IsAny"/>.</summary>
    public ImmutableArray<AddressRange> Ranges { get; }

    /// <summary>Keywords other than Any, canonical spelling, sorted.</summary>
    public ImmutableArray<string> Keywords { get; }

    public bool IsAny { get; }

    public bool IsEmpty => !IsAny && Ranges.IsEmpty && Keywords.IsEmpty;

    public bool HasKeywords => !Keywords.IsEmpty;

    public static AddressSet Parse(IEnumerable<string> tokens)
    {
        var ranges = new List<AddressRange>();
        var keywords = new List<string>();
        foreach (var token in tokens)
        {
            var parsed = AddressParser.Parse(token);
            if (parsed.Keyword is { } keyword)
            {
                keywords.Add(keyword);
            }
            else
            {
                ranges.Add(parsed.Range!.Value);
            }
        }

        return Create(ranges, keywords, owned: true);
    }

    public static AddressSet Parse(params string[] tokens) => Parse((IEnumerable<string>)tokens);

    /// <summary>A comma-separated list as the COM API and netsh read it back (<c>*</c> means Any).</summary>
    public static AddressSet ParseList(string list) =>
        Parse(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static AddressSet FromRanges(IEnumerable<AddressRange> ranges) => Create(ranges, []);

    /// <param name="owned">The caller hands over a list nobody else holds, so it may be sorted in place.</param>
    private static AddressSet Create(IEnumerable<AddressRange> ranges, IEnumerable<string> keywords, bool owned = false)
    {
        var keywordList = keywords.Distinct(StringComparer.Ordinal).ToList();
        if (keywordList.Contains(AddressKeyword.Any))
        {
            return Any;
        }

        var merged = Merge(owned && ranges is List<AddressRange> list ? list : [.. ranges]);
        // All of IPv4 and all of IPv6 together is what Windows calls Any.
        if (keywordList.Count == 0 && merged.Length == 2
            && merged[0] == AddressRange.All(IpFamily.V4) && merged[1] == AddressRange.All(IpFamily.V6))
        {
            return Any;
        }

        keywordList.Sort(StringComparer.Ordinal);
        return new AddressSet(merged, [.. keywordList], isAny: false);
    }

    private static ImmutableArray<AddressRange> Merge(List<AddressRange> sorted)
    {
        sorted.Sort(AddressRange.Compare);
        // Merged in place, then copied once into an array of the final size.
        var count = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            var range = sorted[i];
            if (count > 0)
            {
                var last = sorted[count - 1];
                // Adjacent ranges merge too: 10.0.0.0/25 and 10.0.0.128/25 become 10.0.0.0/24.
                if (last.Family == range.Family && (last.End == AddressRange.MaxOf(last.Family) || range.Start <= last.End + 1))
                {
                    if (range.End > last.End)
                    {
                        sorted[count - 1] = last with { End = range.End };
                    }

                    continue;
                }
            }

            sorted[count++] = range;
        }

        return ImmutableArray.Create((ReadOnlySpan<AddressRange>)CollectionsMarshal.AsSpan(sorted)[..count]);
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

        var ranges = new List<AddressRange>(list.Sum(set => set.Ranges.Length));
        var keywords = new List<string>();
        foreach (var set in list)
        {
            if (set.IsAny)
            {
                return Any;
            }

            foreach (var range in set.Ranges)
            {
                ranges.Add(range);
            }

            keywords.AddRange(set.Keywords);
        }

        return Create(ranges, keywords, owned: true);
    }

    public AddressSet Union(AddressSet other)
    {
        if (IsAny || other.IsAny)
        {
            return Any;
        }

        return Create(Ranges.Concat(other.Ranges), Keywords.Concat(other.Keywords));
    }

    /// <summary>
    /// Every address of the same families that this set does not contain. Keywords have no
    /// complement Windows can express, so a set with keywords cannot be complemented.
    /// </summary>
    public AddressSet Complement()
    {
        if (HasKeywords)
        {
            throw new InvalidOperationException("A set with keywords (" + string.Join(", ", Keywords) + ") has no literal complement.");
        }

        if (IsAny)
        {
            return Empty;
        }

        var gaps = new List<AddressRange>(Ranges.Length + 2);
        foreach (var family in new[] { IpFamily.V4, IpFamily.V6 })
        {
            UInt128 next = UInt128.Zero;
            var exhausted = false;
            foreach (var range in Ranges.Where(r => r.Family == family))
            {
                if (range.Start > next)
                {
                    gaps.Add(new AddressRange(family, next, range.Start - 1));
                }

                if (range.End == AddressRange.MaxOf(family))
                {
                    exhausted = true;
                    break;
                }

                next = range.End + 1;
            }

            if (!exhausted)
            {
                gaps.Add(new AddressRange(family, next, AddressRange.MaxOf(family)));
            }
        }

        return new AddressSet([.. gaps], [], isAny: false);
    }

    /// <summary>The literal addresses of this set that are not in <paramref name="other"/>.</summary>
    public AddressSet Except(AddressSet other)
    {
        if (other.IsAny)
        {
            return Empty;
        }

        var self = IsAny ? new AddressSet([AddressRange.All(IpFamily.V4), AddressRange.All(IpFamily.V6)], [], false) : this;
        var remaining = FromRanges(other.Ranges).Complement();
        return new AddressSet(Intersect(self.Ranges, remaining.Ranges), self.Keywords, isAny: false);
    }

    private static ImmutableArray<AddressRange> Intersect(ImmutableArray<AddressRange> a, ImmutableArray<AddressRange> b)
    {
        var result = ImmutableArray.CreateBuilder<AddressRange>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = a[i];
            var y = b[j];
            if (x.Family != y.Family)
            {
                if (x.Family < y.Family)
                {
                    i++;
                }
                else
                {
                    j++;
                }

                continue;
            }

            var start = UInt128.Max(x.Start, y.Start);
            var end = UInt128.Min(x.End, y.End);
            if (start <= end)
            {
                result.Add(new AddressRange(x.Family, start, end));
            }

            if (x.End < y.End)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Whether a literal address is in the set. Keywords are not resolved (they depend on the machine).</summary>
    public bool Contains(IPAddress address)
    {
        if (IsAny)
        {
            return true;
        }

        var (family, value) = AddressRange.ToInteger(address);
        return ContainsValue(family, value);
    }

    private bool ContainsValue(IpFamily family, UInt128 value)
    {
        // Ranges are sorted and disjoint, so a binary search finds the only candidate.
        int low = 0, high = Ranges.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var range = Ranges[mid];
            if (range.Family < family || (range.Family == family && range.End < value))
            {
                low = mid + 1;
            }
            else if (range.Family > family || range.Start > value)
            {
                high = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Number of entries Windows will store: one per range or keyword.</summary>
    public int EntryCount => IsAny ? 1 : Ranges.Length + Keywords.Length;

    /// <summary>The tokens to hand Windows: ranges in shortest form, then keywords; <c>Any</c> alone.</summary>
    public IReadOnlyList<string> ToTokens() =>
        _tokens ??= IsAny ? [AddressKeyword.Any] : FormatTokens();

    private ImmutableArray<string> FormatTokens()
    {
        var tokens = new string[Ranges.Length + Keywords.Length];
        for (var i = 0; i < Ranges.Length; i++)
        {
            tokens[i] = Ranges[i].ToString();
        }

        Keywords.CopyTo(tokens, Ranges.Length);
        return ImmutableCollectionsMarshal.AsImmutableArray(tokens);
    }

    /// <summary>Splits into sets of at most <paramref name="maxEntries"/> entries each (Windows caps a rule's list at 1000).</summary>
    public IReadOnlyList<AddressSet> Chunk(int maxEntries)
    {
        if (EntryCount <= maxEntries)
        {
            return [this];
        }

        // The ranges are merged already, so consecutive slices (ranges first, then keywords,
        // as in ToTokens) are normalised sets as they stand.
        var tokens = ToTokens();
        var chunks = new List<AddressSet>();
        for (var start = 0; start < tokens.Count; start += maxEntries)
        {
            var end = Math.Min(start + maxEntries, tokens.Count);
            var ranges = start < Ranges.Length ? Ranges[start..Math.Min(end, Ranges.Length)] : [];
            var keywords = end > Ranges.Length ? Keywords[Math.Max(0, start - Ranges.Length)..(end - Ranges.Length)] : [];
            chunks.Add(new AddressSet(ranges, keywords, isAny: false, ImmutableArray.CreateRange(tokens.Skip(start).Take(end - start))));
        }

        return chunks;
    }

    public bool Equals(AddressSet? other) =>
        other is not null && IsAny == other.IsAny && Ranges.SequenceEqual(other.Ranges) && Keywords.SequenceEqual(other.Keywords);

    public override bool Equals(object? obj) => Equals(obj as AddressSet);

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

    public override string ToString() => string.Join(",", ToTokens());
}
