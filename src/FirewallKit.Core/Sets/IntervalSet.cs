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
        var list = new List<Interval<T>>();
        foreach (var set in sets)
        {
            list.AddRange(set.Intervals);
        }

        return Normalise(list);
    }

    public IntervalSet<T> Union(IntervalSet<T> other) =>
        other.IsEmpty ? this : IsEmpty ? other : Normalise([.. Intervals, .. other.Intervals]);

    /// <summary>Every value from <c>T.MinValue</c> to <c>T.MaxValue</c> that this set does not hold.</summary>
    public IntervalSet<T> Complement()
    {
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
                return new IntervalSet<T>(gaps.ToImmutable());
            }

            next = interval.End + T.One;
        }

        gaps.Add(new Interval<T>(next, T.MaxValue));
        return new IntervalSet<T>(gaps.ToImmutable());
    }

    public IntervalSet<T> Intersect(IntervalSet<T> other)
    {
        var result = ImmutableArray.CreateBuilder<Interval<T>>(Intervals.Length + other.Intervals.Length);
        int i = 0, j = 0;
        while (i < Intervals.Length && j < other.Intervals.Length)
        {
            var x = Intervals[i];
            var y = other.Intervals[j];
            var start = T.Max(x.Start, y.Start);
            var end = T.Min(x.End, y.End);
            if (start <= end)
            {
                result.Add(new Interval<T>(start, end));
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

        return new IntervalSet<T>(result.ToImmutable());
    }

    public IntervalSet<T> Except(IntervalSet<T> other) => other.IsEmpty ? this : Intersect(other.Complement());

    /// <summary>A binary search: the intervals are sorted and disjoint, so at most one can hold the value.</summary>
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
