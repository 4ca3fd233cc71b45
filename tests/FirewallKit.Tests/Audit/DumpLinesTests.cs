using FirewallKit.Core.Audit;

namespace FirewallKit.Tests.Audit;

/// <summary>Reading a dump a line at a time cuts it exactly where splitting the whole text at '\n' did.</summary>
public class DumpLinesTests
{
    [TestCase("")]
    [TestCase("a")]
    [TestCase("a\n")]
    [TestCase("a\r\nb\r\n")]
    [TestCase("a\rb\nc")]
    [TestCase("\n\n")]
    [TestCase("a\r\r\n")]
    public void Lines_end_at_line_feeds_only_with_an_empty_last_line_after_a_final_break(string text) =>
        Assert.That(Read(text, head: 0), Is.EqualTo(text.Split('\n')));

    [Test]
    public void Generated_texts_with_lines_longer_than_the_buffer_read_as_split_lines()
    {
        var random = new Random(77);
        string[] pieces = ["Rule Name:", " ", "\r", "\n", "\r\n", "x", "----", new string('d', 70_000), new string('e', 140_000)];
        for (var i = 0; i < 200; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));

            Assert.That(Read(text, head: random.Next(0, 5)), Is.EqualTo(text.Split('\n')), $"text {i}");
        }
    }

    [Test]
    public void The_head_is_read_again_as_the_first_lines()
    {
        var lines = new DumpLines(new StringReader("one\ntwo\nthree"));

        Assert.That(lines.Head(2), Is.EqualTo(new[] { "one", "two" }));
        Assert.That(Rest(lines), Is.EqualTo(new[] { "one", "two", "three" }));
    }

    private static List<string> Read(string text, int head)
    {
        var lines = new DumpLines(new StringReader(text));
        lines.Head(head);
        return Rest(lines);
    }

    private static List<string> Rest(DumpLines lines)
    {
        var read = new List<string>();
        while (lines.TryRead(out var line))
        {
            read.Add(line.ToString());
        }

        return read;
    }
}
