using System.Numerics;

namespace FirewallKit.Core.Sets;

/// <summary>An inclusive run of unsigned integers, <see cref="Start"/> to <see cref="End"/>.</summary>
public readonly record struct Interval<T>(T Start, T End)
    where T : IBinaryInteger<T>, IUnsignedNumber<T>, IMinMaxValue<T>
{
    public bool IsSingle => Start == End;

    public bool Contains(T value) => value >= Start && value <= End;

    public static int Compare(Interval<T> left, Interval<T> right)
    {
        var byStart = left.Start.CompareTo(right.Start);
        return byStart != 0 ? byStart : left.End.CompareTo(right.End);
    }
}
