using FirewallKit.Core.Sets;

namespace FirewallKit.Tests.Sets;

/// <summary>
/// The audit and the planner take a few addresses less a set of thousands, thousands of times: what that costs must
/// follow the small set. Measured in bytes allocated (repeatable), not in time.
/// </summary>
public class IntervalSetAllocationTests
{
    [Test]
    public void A_small_set_less_a_large_one_allocates_for_the_small_set()
    {
        var large = IntervalSet<uint>.Of(Enumerable.Range(0, 100_000).Select(i => new Interval<uint>((uint)i * 4, ((uint)i * 4) + 1)));
        var small = IntervalSet<uint>.Of(new Interval<uint>(1_000_000, 1_000_010));
        small.Except(large);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = small.Except(large);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(result.Intervals, Has.Length.EqualTo(1));
        Assert.That(allocated, Is.LessThan(1_000), "bytes allocated for a one-interval result");
    }

    [Test]
    public void The_union_of_many_one_interval_sets_allocates_about_one_array_of_them()
    {
        var sets = Enumerable.Range(0, 10_000).Select(i => IntervalSet<uint>.Of(new Interval<uint>((uint)i * 4, (uint)i * 4))).ToList();
        IntervalSet<uint>.Union(sets);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var union = IntervalSet<uint>.Union(sets);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(union.Intervals, Has.Length.EqualTo(10_000));
        // The intervals are 8 bytes each: the working list and the result are 80 KB apiece; growing the list by doubling
        // would add as much again.
        Assert.That(allocated, Is.LessThan(3 * 10_000 * 8));
    }
}
