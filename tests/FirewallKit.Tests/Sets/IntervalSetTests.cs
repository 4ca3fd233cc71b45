using FirewallKit.Core.Sets;

namespace FirewallKit.Tests.Sets;

public class IntervalSetTests
{
    private static IntervalSet<ushort> Of(params (ushort Start, ushort End)[] intervals) =>
        IntervalSet<ushort>.Of(intervals.Select(i => new Interval<ushort>(i.Start, i.End)));

    [Test]
    public void Overlapping_and_adjacent_intervals_merge_into_one()
    {
        var set = Of((10, 20), (21, 30), (15, 25), (40, 40));

        Assert.That(set.Intervals, Is.EqualTo(new[] { new Interval<ushort>(10, 30), new Interval<ushort>(40, 40) }));
    }

    [Test]
    public void Sets_with_the_same_members_are_equal_however_they_were_written()
    {
        Assert.That(Of((1, 5), (6, 9)), Is.EqualTo(Of((1, 9))));
        Assert.That(Of((1, 5), (6, 9)).GetHashCode(), Is.EqualTo(Of((1, 9)).GetHashCode()));
        Assert.That(Of((1, 5)), Is.Not.EqualTo(Of((1, 6))));
    }

    [Test]
    public void The_complement_runs_to_the_ends_of_the_type_and_back()
    {
        var set = Of((0, 9), (100, 199));

        Assert.That(set.Complement(), Is.EqualTo(Of((10, 99), (200, ushort.MaxValue))));
        Assert.That(set.Complement().Complement(), Is.EqualTo(set));
        Assert.That(IntervalSet<ushort>.Empty.Complement().IsAll, Is.True);
        Assert.That(IntervalSet<ushort>.All.Complement().IsEmpty, Is.True);
    }

    [Test]
    public void Intersect_and_except_keep_only_what_they_should()
    {
        var left = Of((10, 50));
        var right = Of((0, 19), (40, 60));

        Assert.That(left.Intersect(right), Is.EqualTo(Of((10, 19), (40, 50))));
        Assert.That(left.Except(right), Is.EqualTo(Of((20, 39))));
    }

    [TestCase((ushort)9, false)]
    [TestCase((ushort)10, true)]
    [TestCase((ushort)30, true)]
    [TestCase((ushort)31, false)]
    [TestCase((ushort)40, true)]
    [TestCase(ushort.MaxValue, false)]
    public void Contains_finds_a_value_in_any_interval(ushort value, bool expected) =>
        Assert.That(Of((10, 30), (40, 40)).Contains(value), Is.EqualTo(expected));

    [Test]
    public void The_top_of_the_type_merges_without_overflowing()
    {
        var set = IntervalSet<uint>.Of(new Interval<uint>(uint.MaxValue - 1, uint.MaxValue), new Interval<uint>(0, uint.MaxValue - 2));

        Assert.That(set.IsAll, Is.True);
    }

    [Test]
    public void Intersect_and_except_agree_with_the_members_they_stand_for_on_random_sets_of_any_size()
    {
        var random = new Random(18);
        for (var round = 0; round < 400; round++)
        {
            var (a, aMembers) = RandomSet(random, random.Next(0, round % 7 == 0 ? 200 : 8));
            var (b, bMembers) = RandomSet(random, random.Next(0, round % 5 == 0 ? 200 : 8));

            Assert.That(Members(a.Intersect(b)), Is.EqualTo(aMembers.Intersect(bMembers).Order()), $"round {round}: intersect");
            Assert.That(Members(a.Except(b)), Is.EqualTo(aMembers.Except(bMembers).Order()), $"round {round}: except");
            Assert.That(a.Intersect(b), Is.EqualTo(b.Intersect(a)), $"round {round}: intersect is symmetric");
            Assert.That(a.Except(b), Is.EqualTo(a.Intersect(b.Complement())), $"round {round}: except is the intersection with the complement");
        }
    }

    private static (IntervalSet<byte> Set, HashSet<byte> Members) RandomSet(Random random, int count)
    {
        var intervals = new List<Interval<byte>>();
        var members = new HashSet<byte>();
        for (var i = 0; i < count; i++)
        {
            var start = (byte)random.Next(0, 256);
            var end = (byte)Math.Min(255, start + random.Next(0, 6));
            intervals.Add(new Interval<byte>(start, end));
            for (var v = start; v <= end; v++)
            {
                members.Add((byte)v);
                if (v == 255)
                {
                    break;
                }
            }
        }

        return (IntervalSet<byte>.Of(intervals), members);
    }

    private static IEnumerable<byte> Members(IntervalSet<byte> set) =>
        set.Intervals.SelectMany(i => Enumerable.Range(i.Start, i.End - i.Start + 1).Select(v => (byte)v));
}
