using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace FirewallKit.Core.Sets;

/// <summary>
/// An immutable set of unsigned integers held as sorted, disjoint, non-adjacent intervals: the one
/// core behind address sets (IPv4 as <see cref="uint"/>, IPv6 as <see cref="UInt128"/>) and port sets.
/// Two sets with the same members have the same <see cref="Intervals"/>, so equality is by value.
/// </summary>
public sealed class IntervalSet<T> : IEquatable<IntervalSet<T>>
    where T : IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    public static readonly IntervalSet<T> Empty = new([]);
    public static readonly IntervalSet<T> All = new([new Interval<T>(T.MinValue, T.MaxValue)]);

    private IntervalSet(ImmutableArray<Interval<T>> intervals) => Intervals = intervals;

    /// <summary>Sorted, disjoint and never adjacent: 1-2 and 3-4 are held as 1-4.</summary>
    public ImmutableArray<Interval<T>> Intervals { get; }

    public bool IsEmpty => Intervals.IsEmpty;

    public bool IsAll => Intervals.Length == 1 && Intervals[0].Start == T.MinValue && Intervals[0].End == T.MaxValue;

    public static IntervalSet<T> Of(IEnumerable<Interval<T>> intervals) => Normalise([.. intervals]);

    /// <summary>The set of one interval (a peer's one address): nothing to sort or merge.</summary>
    public static IntervalSet<T> Of(Interval<T> interval) => new([interval]);

    public static IntervalSet<T> Of(params ReadOnlySpan<Interval<T>> intervals) => Normalise([.. intervals]);

    /// <summary>Sorts and merges <paramref name="owned"/> in place: the caller hands over a list nobody else holds.</summary>
    public static IntervalSet<T> Normalise(List<Interval<T>> owned)
    {
        if (owned.Count == 0)
        {
            return Empty;
        }

        owned.Sort(Interval<T>.Compare);
        var count = 0;
        for (var i = 0; i < owned.Count; i++)
        {
            var interval = owned[i];
            if (count > 0)
            {
                var last = owned[count - 1];
                // Adjacent intervals merge too: 10.0.0.0/25 and 10.0.0.128/25 become 10.0.0.0/24.
                if (last.End == T.MaxValue || interval.Start <= last.End + T.One)
                {
                    if (interval.End > last.End)
                    {
                        owned[count - 1] = last with { End = interval.End };
                    }

                    continue;
                }
            }

            owned[count++] = interval;
        }

        return new IntervalSet<T>(ImmutableArray.Create((ReadOnlySpan<Interval<T>>)CollectionsMarshal.AsSpan(owned)[..count]));
    }

    /// <summary>The union of many sets in one sort and merge; folding pairwise re-sorts the growing set each time.</summary>
    public static IntervalSet<T> Union(IEnumerable<IntervalSet<T>> sets)
    {
        var all = sets as IReadOnlyCollection<IntervalSet<T>> ?? [.. sets];
        var count = 0;
        foreach (var set in all)
        {
            count += set.Intervals.Length;
        }

        // Sized once and filled from spans: ten thousand peers are ten thousand one-interval sets.
        var list = new List<Interval<T>>(count);
        foreach (var set in all)
        {
            list.AddRange(set.Intervals.AsSpan());
        }

        return Normalise(list);
    }

    public IntervalSet<T> Union(IntervalSet<T> other) =>
        other.IsEmpty ? this : IsEmpty ? other : Normalise([.. Intervals, .. other.Intervals]);

    /// <summary>Every value from <c>T.MinValue</c> to <c>T.MaxValue</c> that this set does not hold.</summary>
    public IntervalSet<T> Complement()
    {
        // Sized for the most gaps there can be and handed over without a copy when they are all used.
        var gaps = ImmutableArray.CreateBuilder<Interval<T>>(Intervals.Length + 1);
        var next = T.MinValue;
        foreach (var interval in Intervals)
        {
            if (interval.Start > next)
            {
                gaps.Add(new Interval<T>(next, interval.Start - T.One));
            }

            if (interval.End == T.MaxValue)
            {
                return new IntervalSet<T>(gaps.DrainToImmutable());
            }

            next = interval.End + T.One;
        }

        gaps.Add(new Interval<T>(next, T.MaxValue));
        return new IntervalSet<T>(gaps.DrainToImmutable());
    }

    /// <summary>
    /// The members of both. Walks the smaller set and finds each of its intervals' overlaps in the larger one by
    /// binary search, so one rule's few addresses against a set of thousands cost a few steps, not thousands.
    /// </summary>
    public IntervalSet<T> Intersect(IntervalSet<T> other)
    {
        var (small, large) = Intervals.Length <= other.Intervals.Length ? (Intervals, other.Intervals) : (other.Intervals, Intervals);
        var result = ImmutableArray.CreateBuilder<Interval<T>>();
        foreach (var x in small)
        {
            for (var j = FirstEndingAtOrAfter(large, x.Start); j < large.Length && large[j].Start <= x.End; j++)
            {
                result.Add(new Interval<T>(T.Max(x.Start, large[j].Start), T.Min(x.End, large[j].End)));
            }
        }

        return result.Count == 0 ? Empty : new IntervalSet<T>(result.ToImmutable());
    }

    /// <summary>The members of this set that are not in <paramref name="other"/>; each interval finds what cuts it by binary search.</summary>
    public IntervalSet<T> Except(IntervalSet<T> other)
    {
        if (other.IsEmpty || IsEmpty)
        {
            return this;
        }

        var cuts = other.Intervals;
        // Sized for this set, not for the cuts: a few addresses less a set of thousands stay a few.
        var result = ImmutableArray.CreateBuilder<Interval<T>>(Intervals.Length);
        foreach (var x in Intervals)
        {
            var start = x.Start;
            var whole = true;
            for (var j = FirstEndingAtOrAfter(cuts, x.Start); j < cuts.Length && cuts[j].Start <= x.End; j++)
            {
                if (cuts[j].Start > start)
                {
                    result.Add(new Interval<T>(start, cuts[j].Start - T.One));
                }

                if (cuts[j].End >= x.End)
                {
                    whole = false;
                    break;
                }

                start = cuts[j].End + T.One;
            }

            if (whole)
            {
                result.Add(new Interval<T>(start, x.End));
            }
        }

        return result.Count == 0 ? Empty : new IntervalSet<T>(result.DrainToImmutable());
    }

    /// <summary>The index of the first interval whose end is at or after <paramref name="value"/> (the length when none is).</summary>
    private static int FirstEndingAtOrAfter(ImmutableArray<Interval<T>> intervals, T value)
    {
        int low = 0, high = intervals.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (intervals[mid].End < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    public bool Contains(T value)
    {
        int low = 0, high = Intervals.Length - 1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var interval = Intervals[mid];
            if (interval.End < value)
            {
                low = mid + 1;
            }
            else if (interval.Start > value)
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

    /// <summary>Consecutive intervals of a normalised set are a normalised set as they stand.</summary>
    public IntervalSet<T> Slice(int start, int length) =>
        start == 0 && length == Intervals.Length ? this : new IntervalSet<T>(Intervals.Slice(start, length));

    public bool Equals(IntervalSet<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || Intervals.AsSpan().SequenceEqual(other.Intervals.AsSpan()));

    public override bool Equals(object? obj) => Equals(obj as IntervalSet<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var interval in Intervals)
        {
            hash.Add(interval);
        }

        return hash.ToHashCode();
    }
}
